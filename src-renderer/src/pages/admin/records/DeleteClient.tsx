// Deleting a client: a client with notes or invoices is kept (409 has_records) unless the therapist, having read why,
// types the client's email to purge those records too.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ClientRecord } from '@shared/api-types';
import { ApiError } from '../../../api/errors';
import { clientsApi } from '../../../api/records';
import { Dialog } from '../../../components/Dialog';
import { TextField } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { useAction } from '../../../components/useAction';
import { accountKeys } from '../../../features/accounts/query-keys';
import { auditKeys } from '../../../features/audit/query-keys';
import { invoiceKeys } from '../../../features/billing/query-keys';
import { clientKeys } from '../../../features/clients/query-keys';
import { appointmentKeys } from '../../../features/sessions/query-keys';
import { onSubmit } from '../../../lib/forms';

export function DeleteClient({ record, name }: { record: ClientRecord; name: string }) {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const remove = useAction({
    run: (purge: boolean) => clientsApi.remove(record.id, purge),
    done: (answer) => answer.message,
    invalidates: [clientKeys.lists(), accountKeys.lists(), appointmentKeys.all, invoiceKeys.all, auditKeys.all],
    after: () => navigate('/admin/clients'),
    errorsInForm: true,
  });
  const hasRecords = remove.error instanceof ApiError && remove.error.code === 'has_records';
  const close = () => {
    setOpen(false);
    setTyped('');
    remove.reset();
  };
  return (
    <>
      <button type="button" className="button danger" onClick={() => setOpen(true)}>
        Delete client…
      </button>
      <Dialog open={open} title={hasRecords ? 'This client has records' : 'Delete this client?'} onClose={close}>
        {!hasRecords ? (
          <div className="stack">
            <p>
              <strong>{name}</strong> ({record.email}), their account and all of their appointments will be deleted. This cannot be undone.
            </p>
            <FormError error={remove.error} />
            <div className="actions-row">
              <button type="button" className="button secondary" onClick={close}>
                Go back
              </button>
              <button type="button" className="button danger" disabled={remove.isPending} onClick={() => remove.mutate(false)}>
                {remove.isPending ? 'Deleting…' : 'Delete client'}
              </button>
            </div>
          </div>
        ) : (
          <form
            className="stack"
            onSubmit={onSubmit(() => typed.trim().toLowerCase() === record.email.toLowerCase() && remove.mutate(true))}
            noValidate
          >
            <p className="notice" role="alert">
              {name} has session notes or invoices. A practice must usually keep these for years: export the record first, and keep the
              account instead (deactivate it under Users).
            </p>
            <p>To delete the account with every note and invoice for good, type the client's email address, {record.email}.</p>
            <TextField
              label="Client's email address"
              name="confirm_email"
              autoComplete="off"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
            />
            <div className="actions-row">
              <button type="button" className="button secondary" onClick={close}>
                Keep the client
              </button>
              <button
                type="submit"
                className="button danger"
                disabled={remove.isPending || typed.trim().toLowerCase() !== record.email.toLowerCase()}
              >
                {remove.isPending ? 'Deleting…' : 'Delete with notes and invoices'}
              </button>
            </div>
          </form>
        )}
      </Dialog>
    </>
  );
}
