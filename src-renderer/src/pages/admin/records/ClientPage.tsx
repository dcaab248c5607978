// One client's record: details and figures, their own fee, sessions with attendance and notes, the invoice builder
// and invoices, a records export in one click, and deletion that protects notes and invoices.
import { Link, useParams } from 'react-router-dom';
import { Empty, QueryView } from '../../../components/States';
import { useClientRecord } from '../../../features/clients/use-clients';
import { formatDate } from '../../../lib/practice-time';
import { usePracticeZone, useSettings } from '../practice-zone';
import { ClientFeeForm } from './ClientFeeForm';
import { clientFullName } from './ClientsPage';
import { ClientSessions } from './ClientSessions';
import { DeleteClient } from './DeleteClient';
import { ExportButtons } from './ExportButtons';
import { InvoiceBuilder } from './InvoiceBuilder';
import { InvoiceTable } from './InvoiceTable';

export function ClientPage() {
  const { clientId = '' } = useParams();
  const zone = usePracticeZone();
  const settings = useSettings();
  const record = useClientRecord(clientId);
  return (
    <section aria-labelledby="client-title" className="stack">
      <p className="small">
        <Link to="/admin/clients">← Clients</Link>
      </p>
      <QueryView query={record}>
        {(data) => {
          const name = clientFullName(data);
          const currency = settings.data?.currency.value ?? 'EUR';
          return (
            <>
              <div className="page-head">
                <h1 id="client-title">{name}</h1>
                <ExportButtons record={data} />
              </div>
              <div className="card stack">
                <dl className="details">
                  <dt>Email</dt>
                  <dd>
                    <a href={`mailto:${data.email}`}>{data.email}</a>
                  </dd>
                  <dt>Phone</dt>
                  <dd>{data.phone_number ?? '—'}</dd>
                  <dt>Client since</dt>
                  <dd>{formatDate(data.date_joined, zone)}</dd>
                  <dt>Account</dt>
                  <dd>{data.is_active ? 'Active' : 'Deactivated'}</dd>
                  {data.time_zone && data.time_zone !== zone && (
                    <>
                      <dt>Their time zone</dt>
                      <dd>{data.time_zone}</dd>
                    </>
                  )}
                </dl>
                <ClientFeeForm
                  key={data.fee ?? ''}
                  record={data}
                  practiceFee={settings.data?.session_fee.value ?? null}
                  currency={currency}
                />
              </div>
              <dl className="figures record-figures" aria-label="Sessions">
                {[
                  ['Upcoming', data.upcoming_sessions],
                  ['Past', data.past_sessions],
                  ['No-shows', data.no_shows],
                  ['Late cancellations', data.late_cancellations],
                ].map(([label, value]) => (
                  <div key={label} className="figure">
                    <dt>{label}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
              </dl>
              <div className="stack">
                <h2>Sessions and notes</h2>
                <ClientSessions record={data} zone={zone} />
              </div>
              {settings.data && <InvoiceBuilder record={data} settings={settings.data} zone={zone} />}
              <div className="stack">
                <h2>Invoices</h2>
                {data.invoices.length === 0 ? <Empty title="No invoices yet" /> : <InvoiceTable invoices={data.invoices} />}
              </div>
              <div className="card stack danger-zone">
                <h2>Delete</h2>
                <p className="muted small">
                  Deleting removes the account and its appointments. Notes and invoices are kept unless you confirm their removal.
                </p>
                <div>
                  <DeleteClient record={data} name={name} />
                </div>
              </div>
            </>
          );
        }}
      </QueryView>
    </section>
  );
}
