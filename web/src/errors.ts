import { ApiError } from './api.js';
import { $, setState } from './dom.js';

/** Show an error in its panel; when the API itself is down or broken, also in the page banner. */
export function reportError(panel: HTMLElement, err: unknown): void {
  const e = err as Error;
  const api = err instanceof ApiError ? err : null;
  const what = api && api.status ? `The API answered ${api.status}${api.param ? ` about “${api.param}”` : ''}: ${api.message}` : e.message;
  setState(panel, 'error', what);
  if (!api || api.status === 0 || api.status >= 500) showAlert(api ? api.message : `Something went wrong in the dashboard: ${e.message}`);
}

export function showAlert(message: string): void {
  const el = $('#alert');
  el.textContent = message;
  el.hidden = false;
}

export function clearAlert(): void {
  const el = $('#alert');
  el.hidden = true;
  el.textContent = '';
}
