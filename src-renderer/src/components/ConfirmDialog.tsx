// Asks before a step that cannot be undone (cancel a session, record a no-show): says what will happen, then does it.
import type { ReactNode } from 'react';
import { Dialog } from './Dialog';

interface Props {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Shown while the step runs. */
  busyLabel?: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ open, title, children, confirmLabel, busyLabel, busy = false, onConfirm, onCancel }: Props) {
  return (
    <Dialog open={open} title={title} onClose={onCancel}>
      <div className="stack">
        {children}
        <div className="row actions-row">
          <button type="button" className="button secondary" onClick={onCancel} disabled={busy}>
            Go back
          </button>
          <button type="button" className="button danger" onClick={onConfirm} disabled={busy} autoFocus>
            {busy ? (busyLabel ?? 'Working…') : confirmLabel}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
