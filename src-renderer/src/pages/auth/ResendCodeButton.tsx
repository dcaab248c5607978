// "Send a new code": one per minute per address; a refusal says how long to wait.
import { useMutation } from '@tanstack/react-query';
import { authApi, type CodeContext } from '../../api/auth';
import { errorMessage } from '../../api/errors';
import { useToast } from '../../components/Toasts';

export function ResendCodeButton({ email, context }: { email: string; context: CodeContext }) {
  const toast = useToast();
  const resend = useMutation({
    mutationFn: () => authApi.resendOtp(email, context),
    onSuccess: (answer) => toast.success(answer.message),
    onError: (error) => toast.error(errorMessage(error)),
  });
  return (
    <button type="button" className="button link" disabled={!email || resend.isPending} onClick={() => resend.mutate()}>
      {resend.isPending ? 'Sending…' : 'Send a new code'}
    </button>
  );
}
