import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { currentLocale } from '../i18n';
import { ApiError, applyFieldErrors, errorMessage } from './api';

/**
 * Shows an API failure: field errors go onto the form (when given), the server's message and any
 * details that match no form field go to a toast.
 */
export function useApiError(): (err: unknown, form?: FormInstance) => void {
  const { message } = App.useApp();
  return useCallback(
    (err: unknown, form?: FormInstance) => {
      const rest = form ? applyFieldErrors(form, err) : err instanceof ApiError ? err.details : [];
      const text = [errorMessage(err), ...rest.map((d) => d.message)].join(currentLocale() === 'en-US' ? '; ' : '；');
      void message.error(text, 6);
    },
    [message],
  );
}
