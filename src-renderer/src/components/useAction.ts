// A button's or form's server action: progress from react-query, a toast when it is done or failed, lists refreshed.
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { errorMessage } from '../api/errors';
import { useToast } from './Toasts';

interface ActionOptions<TInput, TResult> {
  run: (input: TInput) => Promise<TResult>;
  /** The toast once it worked. */
  done: (result: TResult, input: TInput) => string;
  /** Queries whose data the action changed. */
  refreshes?: QueryKey[];
  after?: (result: TResult, input: TInput) => void;
}

export function useAction<TInput = void, TResult = unknown>({ run, done, refreshes = [], after }: ActionOptions<TInput, TResult>) {
  const toast = useToast();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (result, input) => {
      for (const queryKey of refreshes) void queryClient.invalidateQueries({ queryKey });
      after?.(result, input);
      toast.success(done(result, input));
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
}
