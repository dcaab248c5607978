// The one way the pages change data on the server: progress from react-query, a toast when it is done or failed,
// the server's answer stored under its query key, and every query it made stale invalidated through the features'
// key factories (features/*/query-keys.ts). Sign-in forms that change no cached data use useMutation alone.
import { hashKey, useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { errorMessage } from '../api/errors';
import { useToast } from './Toasts';

interface ActionOptions<TInput, TResult> {
  run: (input: TInput) => Promise<TResult>;
  /** The toast once it worked. */
  done: (result: TResult, input: TInput) => string;
  /** Query keys (from a key factory) whose data the action changed: they are fetched again. */
  invalidates?: QueryKey[];
  /** The query whose data the answer is (a saved object): it is shown at once, without asking again. */
  stores?: (result: TResult, input: TInput) => QueryKey;
  after?: (result: TResult, input: TInput) => void;
  /** The form shows the errors next to its fields: no toast for them. */
  errorsInForm?: boolean;
}

export function useAction<TInput = void, TResult = unknown>({
  run,
  done,
  invalidates = [],
  stores,
  after,
  errorsInForm,
}: ActionOptions<TInput, TResult>) {
  const toast = useToast();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (result, input) => {
      const stored = stores ? stores(result, input) : null;
      if (stored) queryClient.setQueryData(stored, result);
      // The stored answer is fresh: everything else under the invalidated keys is fetched again.
      const isStored = (key: QueryKey) => stored !== null && hashKey(key) === hashKey(stored);
      for (const queryKey of invalidates) void queryClient.invalidateQueries({ queryKey, predicate: (query) => !isStored(query.queryKey) });
      after?.(result, input);
      toast.success(done(result, input));
    },
    onError: (error) => {
      if (!errorsInForm) toast.error(errorMessage(error));
    },
  });
}
