// The API root viewer: the live `GET /api/` as a searchable reference for developers, with the OpenAPI schema link.
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { apiRoot } from '../../api/api-root';
import { practiceKeys } from '../../features/practice/query-keys';
import { QueryView } from '../../components/States';
import { curlExample, humanKey, matches, readGuides, readSections, type EndpointDoc, type Json } from './api-document';
import { JsonView } from './JsonView';

function EndpointCard({ endpoint }: { endpoint: EndpointDoc }) {
  return (
    <article className="card endpoint" id={`endpoint-${endpoint.key}`}>
      <header className="endpoint-head">
        <span className="methods">
          {endpoint.methods.map((method) => (
            <span key={method} className={`method method-${method.toLowerCase()}`}>
              {method}
            </span>
          ))}
        </span>
        <code className="endpoint-path">{endpoint.path}</code>
      </header>
      <h3>{humanKey(endpoint.key)}</h3>
      <p>{endpoint.description}</p>
      <p className="small">
        <strong>Authentication:</strong> {endpoint.authentication}
      </p>
      {Object.keys(endpoint.details).length > 0 && <JsonView value={endpoint.details} />}
      <details>
        <summary>Example request</summary>
        {endpoint.methods.map((method) => (
          <pre key={method} className="code">
            {curlExample(endpoint, method)}
          </pre>
        ))}
      </details>
    </article>
  );
}

function ApiReference({ document }: { document: { [key: string]: Json } }) {
  const [query, setQuery] = useState('');
  const sections = useMemo(() => readSections(document), [document]);
  const guides = useMemo(() => readGuides(document), [document]);
  const shown = sections.map((section) => ({
    ...section,
    endpoints: section.endpoints.filter((endpoint) => matches(endpoint, query.trim())),
  }));
  const total = shown.reduce((sum, section) => sum + section.endpoints.length, 0);
  return (
    <>
      <div className="api-hero">
        <h1>{String(document.message ?? 'API')}</h1>
        <p className="muted">
          Version {String(document.version ?? '')} · base URL <code>{String(document.base_url ?? '')}</code>
        </p>
        <p>
          <a className="button secondary" href="/api/schema/">
            OpenAPI schema (/api/schema/)
          </a>{' '}
          <a className="button secondary" href="/api/">
            Raw JSON (/api/)
          </a>
        </p>
        <div className="field">
          <label htmlFor="api-search">Search endpoints</label>
          <input
            id="api-search"
            type="search"
            placeholder="e.g. schedule, POST, staff, otp"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <small className="hint" aria-live="polite">
            {total} endpoint{total === 1 ? '' : 's'}
          </small>
        </div>
      </div>
      <div className="api-layout">
        <nav className="api-toc" aria-label="Sections">
          <ul className="plain">
            {shown.map((section) => (
              <li key={section.key}>
                <a href={`#section-${section.key}`}>
                  {humanKey(section.key)} <span className="muted">({section.endpoints.length})</span>
                </a>
              </li>
            ))}
            {guides.map(([key]) => (
              <li key={key}>
                <a href={`#guide-${key}`}>{humanKey(key)}</a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="api-content">
          {shown.map((section) => (
            <section key={section.key} id={`section-${section.key}`} aria-labelledby={`title-${section.key}`}>
              <h2 id={`title-${section.key}`}>
                {humanKey(section.key)} <code className="small">{section.basePath}</code>
              </h2>
              <p className="muted">{section.description}</p>
              {section.endpoints.length === 0 ? (
                <p className="muted">No endpoint here matches “{query}”.</p>
              ) : (
                section.endpoints.map((endpoint) => <EndpointCard key={endpoint.key} endpoint={endpoint} />)
              )}
              {section.extras.map(([key, value]) => (
                <details key={key} className="card">
                  <summary>{humanKey(key)}</summary>
                  <JsonView value={value} />
                </details>
              ))}
            </section>
          ))}
          {guides.map(([key, value]) => (
            <section key={key} id={`guide-${key}`} aria-labelledby={`guide-title-${key}`} className="card">
              <h2 id={`guide-title-${key}`}>{humanKey(key)}</h2>
              <JsonView value={value} />
            </section>
          ))}
        </div>
      </div>
    </>
  );
}

export function ApiDocsPage() {
  const document = useQuery({ queryKey: practiceKeys.apiRoot(), queryFn: apiRoot });
  return (
    <div className="docs-shell">
      <header className="app-header">
        <div className="app-header-top">
          <span className="brand">
            <span className="brand-mark" aria-hidden="true">
              ◐
            </span>{' '}
            Practice · API reference
          </span>
          <Link to="/">Back to the app</Link>
        </div>
      </header>
      <main className="docs-main">
        <QueryView query={document}>{(data) => <ApiReference document={data as { [key: string]: Json }} />}</QueryView>
      </main>
    </div>
  );
}
