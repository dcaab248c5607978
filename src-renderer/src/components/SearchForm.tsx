// A search box with its button: the list searches when submitted, not on every keystroke.
import { useId, useState } from 'react';
import { onSubmit } from '../lib/forms';

export function SearchForm({ label, placeholder, onSearch }: { label: string; placeholder: string; onSearch: (text: string) => void }) {
  const id = useId();
  const [text, setText] = useState('');
  return (
    <form className="search" role="search" onSubmit={onSubmit(() => onSearch(text.trim()))}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input id={id} type="search" placeholder={placeholder} value={text} onChange={(event) => setText(event.target.value)} />
      <button type="submit" className="button secondary">
        Search
      </button>
    </form>
  );
}
