// The session length picker of the schedule and reschedule forms: the usual lengths plus the one that must stay offered.
import { SelectField } from '../../components/Field';

const DURATIONS = [30, 45, 50, 60, 90, 120];

export function DurationSelect({
  value,
  onChange,
  alsoOffer,
  error,
}: {
  value: number;
  onChange: (minutes: number) => void;
  /** A length outside the usual ones that must still be choosable (the session's own, or the practice's default). */
  alsoOffer: number;
  error: unknown;
}) {
  return (
    <div className="row">
      <SelectField
        label="Duration"
        name="scheduled_duration"
        value={value}
        onChange={(event) => onChange(Number(event.target.value))}
        error={error}
      >
        {[...new Set([...DURATIONS, alsoOffer])]
          .sort((a, b) => a - b)
          .map((minutes) => (
            <option key={minutes} value={minutes}>
              {minutes} minutes
            </option>
          ))}
      </SelectField>
    </div>
  );
}
