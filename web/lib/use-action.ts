import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { type MessageKey, useI18n } from '../i18n';
import { useApiError } from './use-api-error';

export interface ActionOptions<TVars, TResult> {
  /** The request: usually `(v) => api('/api/…', { method: 'POST', body: v })`. */
  run: (vars: TVars) => Promise<TResult>;
  /** Message on success: a catalogue key, a text built from the result, or false for none. Default 'common.done'. */
  success?: MessageKey | ((result: TResult, vars: TVars) => string) | false;
  /** Queries to refetch on success (prefix match), or a function of the result for keys that depend on it. */
  invalidate?: QueryKey[] | ((result: TResult, vars: TVars) => QueryKey[]);
  /** The form the action submits: a 400's field errors are put on its fields, and `resetForm` resets it. */
  form?: FormInstance;
  /** Reset `form` after success (a form that stays open for the next entry). */
  resetForm?: boolean;
  /** After success and the message: close a modal, navigate, keep the result. */
  onSuccess?: (result: TResult, vars: TVars) => void;
  /** After the error is shown (e.g. reload on a 409 conflict). */
  onError?: (error: unknown, vars: TVars) => void;
}

export interface Action<TVars, TResult> {
  /** Runs the action; resolves to the result, or undefined when it failed (the error is already shown). */
  run: (vars: TVars) => Promise<TResult | undefined>;
  /** True while the request runs: for `loading` on the button and `confirmLoading` on the modal. */
  busy: boolean;
  /** The last failure, until the next run. */
  error: unknown;
  reset: () => void;
}

/**
 * One user action on the server (save, approve, delete…) on TanStack's useMutation: busy state, the
 * server's localized error (field errors on the form, the rest in a message), a success message, the
 * queries it changes refetched, then `onSuccess` (close, navigate). Never throws to the caller.
 */
export function useAction<TVars = void, TResult = unknown>(options: ActionOptions<TVars, TResult>): Action<TVars, TResult> {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useApiError();
  const qc = useQueryClient();
  const mutation = useMutation<TResult, unknown, TVars>({ mutationFn: options.run });
  const { mutateAsync, isPending, error, reset } = mutation;
  const run = useCallback(
    async (vars: TVars) => {
      let result: TResult;
      try {
        result = await mutateAsync(vars);
      } catch (err) {
        showError(err, options.form);
        options.onError?.(err, vars);
        return undefined;
      }
      const keys = typeof options.invalidate === 'function' ? options.invalidate(result, vars) : (options.invalidate ?? []);
      for (const queryKey of keys) void qc.invalidateQueries({ queryKey });
      const s = options.success ?? 'common.done';
      if (s !== false) void message.success(typeof s === 'function' ? s(result, vars) : t(s));
      if (options.resetForm) options.form?.resetFields();
      options.onSuccess?.(result, vars);
      return result;
    },
    [mutateAsync, showError, qc, message, t, options],
  );
  return { run, busy: isPending, error, reset };
}
