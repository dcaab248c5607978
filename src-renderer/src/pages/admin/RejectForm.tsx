// Rejecting a request, with an optional reason that goes to the client in the email.
import { useState } from 'react';
import { meetingsApi } from '../../api/meetings';
import type { Appointment } from '@shared/api-types';
import { TextArea } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { onSubmit } from '../../lib/forms';
import { useAppointmentAction } from './appointment-updates';

export function RejectForm({ appointment }: { appointment: Appointment }) {
  const [reason, setReason] = useState('');
  const reject = useAppointmentAction(
    () => meetingsApi.reject(appointment.id, reason),
    () => 'The request is rejected. The client gets an email.',
  );
  return (
    <form className="card stack" onSubmit={onSubmit(reject.mutate)} noValidate aria-labelledby="reject-title">
      <h3 id="reject-title">Reject</h3>
      <TextArea
        label="Reason for the client (optional)"
        name="rejection_reason"
        rows={3}
        maxLength={2000}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={reject.error}
      />
      <FormError error={reject.error} fields={['rejection_reason']} />
      <button type="submit" className="button danger" disabled={reject.isPending}>
        {reject.isPending ? 'Rejecting…' : 'Reject request'}
      </button>
    </form>
  );
}
