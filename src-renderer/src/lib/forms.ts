// Small helpers every form uses: text fields kept in one state object, and submit without a page reload.
import { useState, type FormEvent } from 'react';

/** A submit handler that stays in the page and runs `action`. */
export function onSubmit(action: () => void): (event: FormEvent) => void {
  return (event) => {
    event.preventDefault();
    action();
  };
}

/** `list` with `item` added, or removed when it was there (multiple-choice chips and checkboxes). */
export function toggled<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((other) => other !== item) : [...list, item];
}

/** Text fields in one object; `bind(name, error)` gives a TextField its value, change handler and server errors. */
export function useFields<T extends { [K in keyof T]: string }>(initial: T | (() => T)) {
  const [values, setValues] = useState<T>(initial);
  const bind = (name: keyof T & string, error: unknown) => ({
    name,
    value: values[name],
    error,
    onChange: (event: { target: { value: string } }) => setValues((current) => ({ ...current, [name]: event.target.value })),
  });
  return { values, setValues, bind };
}
