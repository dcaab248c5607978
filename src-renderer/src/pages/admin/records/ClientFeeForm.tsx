// The client's own session fee (a decimal in the practice currency), or the practice's when left empty.
import { useState } from 'react';
import type { ClientRecord } from '@shared/api-types';
import { clientsApi } from '../../../api/records';
import { TextField } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { useAction } from '../../../components/useAction';
import { auditKeys } from '../../../features/audit/query-keys';
import { clientKeys } from '../../../features/clients/query-keys';
import { onSubmit } from '../../../lib/forms';

export function ClientFeeForm({ record, practiceFee, currency }: { record: ClientRecord; practiceFee: string | null; currency: string }) {
  const [fee, setFee] = useState(record.fee ?? '');
  const save = useAction({
    run: () => clientsApi.setFee(record.id, fee.trim() || null),
    done: (saved) =>
      saved.fee ? `This client's session fee is now ${saved.fee} ${currency}.` : 'This client pays the practice fee again.',
    stores: (saved) => clientKeys.record(saved.id),
    invalidates: [clientKeys.lists(), auditKeys.all],
    errorsInForm: true,
  });
  return (
    <form className="inline-form fee-form" onSubmit={onSubmit(() => save.mutate())} noValidate aria-label="Session fee">
      <TextField
        label={`Session fee (${currency})`}
        name="fee"
        inputMode="decimal"
        placeholder={practiceFee ?? ''}
        value={fee}
        onChange={(event) => setFee(event.target.value)}
        error={save.error}
        hint={`Empty: the practice fee${practiceFee ? ` (${practiceFee})` : ''}.`}
      />
      <button type="submit" className="button secondary" disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save fee'}
      </button>
      <FormError error={save.error} fields={['fee']} />
    </form>
  );
}
