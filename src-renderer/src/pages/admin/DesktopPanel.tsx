// In the desktop window only: the app version, how the encryption key is protected, a port notice, the recovery key.
import { useMutation, useQuery } from '@tanstack/react-query';
import type { PracticeDesktop } from '../../../../src-main/desktop-bridge';
import { errorMessage } from '../../api/errors';
import { useToast } from '../../components/Toasts';

export function DesktopPanel({ desktop }: { desktop: PracticeDesktop }) {
  const toast = useToast();
  const keychain = useQuery({ queryKey: ['desktop', 'keychain'], queryFn: () => desktop.keychainStatus() });
  const portNotice = useQuery({ queryKey: ['desktop', 'port'], queryFn: () => desktop.portNotice() });
  const saveKey = useMutation({
    mutationFn: () => desktop.saveRecoveryKey(),
    onSuccess: (saved) =>
      saved ? toast.success('The recovery key is saved. Keep it somewhere safe, away from this computer.') : toast.info('Not saved.'),
    onError: (error) => toast.error(errorMessage(error)),
  });
  return (
    <div className="card stack">
      <h2>This computer</h2>
      {portNotice.data && (
        <div className="notice" role="status">
          {portNotice.data}
        </div>
      )}
      {keychain.data?.warning && (
        <div className="notice" role="status">
          {keychain.data.warning}
        </div>
      )}
      {keychain.data && !keychain.data.warning && <p>The encryption key is protected by the system keychain ({keychain.data.backend}).</p>}
      <p className="muted">Without the recovery key, a backup of the practice's data cannot be opened on another computer.</p>
      <div>
        <button type="button" className="button secondary" disabled={saveKey.isPending} onClick={() => saveKey.mutate()}>
          Save the recovery key…
        </button>
      </div>
      <p className="muted small">Desktop app version {desktop.version}</p>
    </div>
  );
}
