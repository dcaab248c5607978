// Short confirmations and failures after every action, announced to screen readers, gone after a few seconds.
// One at a time (a newer one replaces it, so they never pile up over buttons), in the browser's top layer as a
// manual popover, so it shows above an open drawer or dialog (those sit in the top layer too).
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

type ToastKind = 'success' | 'error' | 'info';

interface Toast {
  id: number;
  kind: ToastKind;
  text: string;
}

interface Toaster {
  success(text: string): void;
  error(text: string): void;
  info(text: string): void;
}

const ToastContext = createContext<Toaster | null>(null);
const SHOW_MS = 6000;
let nextId = 1;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);
  const push = useCallback(
    (kind: ToastKind, text: string) => {
      const id = nextId++;
      setToasts([{ id, kind, text }]);
      window.setTimeout(() => dismiss(id), SHOW_MS);
    },
    [dismiss],
  );
  const layer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = layer.current;
    if (!element || typeof element.showPopover !== 'function') return;
    // Shown again on every toast: the top layer stacks by the order of showing, so it lands above a dialog opened since.
    if (element.matches(':popover-open')) element.hidePopover();
    if (toasts.length > 0) element.showPopover();
  }, [toasts]);
  const toaster = useMemo<Toaster>(
    () => ({ success: (text) => push('success', text), error: (text) => push('error', text), info: (text) => push('info', text) }),
    [push],
  );
  return (
    <ToastContext.Provider value={toaster}>
      {children}
      <div ref={layer} popover="manual" className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast-${toast.kind}`}>
            <span>{toast.text}</span>
            <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): Toaster {
  const toaster = useContext(ToastContext);
  if (!toaster) throw new Error('useToast outside ToastProvider');
  return toaster;
}
