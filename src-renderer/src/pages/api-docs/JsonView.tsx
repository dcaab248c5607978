// Any JSON value of the API document as readable HTML: lists as lists, objects as definition lists.
import type { Json } from './api-document';
import { humanKey } from './api-document';

export function JsonView({ value }: { value: Json }) {
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item !== 'object' || item === null)) {
      return (
        <ul className="json-list">
          {value.map((item, index) => (
            <li key={index}>
              <code>{String(item)}</code>
            </li>
          ))}
        </ul>
      );
    }
    return <pre className="code">{JSON.stringify(value, null, 2)}</pre>;
  }
  if (typeof value === 'object' && value !== null) {
    return (
      <dl className="json-object">
        {Object.entries(value).map(([key, item]) => (
          <div key={key}>
            <dt>{humanKey(key)}</dt>
            <dd>
              <JsonView value={item} />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  return <span>{String(value)}</span>;
}
