// What the comparison, pre-flight and report webviews share: the VS Code API handle, the host's
// init / update / error messages, and the error paragraph. Each view supplies its app.
import { displayText } from '../shared/displayText';
import { format } from '../shared/strings';
import { h } from './dom';
import type { PanelHostMessage } from '../shared/panelProtocol';

export interface VsCodeApi<ToHost> {
  postMessage(message: ToHost): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi<never>;

/** Once per page, as VS Code allows. */
export const vscodeApi = <ToHost>() => acquireVsCodeApi() as unknown as VsCodeApi<ToHost>;

export interface PanelApp<Model> {
  show(model: Model): void;
  showError(message: string): void;
}

/** Replaces `main`'s content with the host's error, as an alert. */
export function showPanelError(main: HTMLElement, id: string, template: string, message: string): void {
  main.replaceChildren(h('p', { id, class: 'error', attrs: { role: 'alert' }, text: format(template, displayText(message, 2000)) }));
  document.body.dataset.ready = '1';
}

/** Listens for the host, creates the app on `init`, then says `ready`. */
export function startPanel<Strings, Model, Extra extends { type: string } = never>(
  api: VsCodeApi<{ type: 'ready' } | never>,
  create: (strings: Strings, locale: string) => PanelApp<Model>,
  other?: (message: Extra) => void,
): void {
  let app: PanelApp<Model> | undefined;
  window.addEventListener('message', (event: MessageEvent<PanelHostMessage<Strings, Model> | Extra>) => {
    const message = event.data;
    switch (message.type) {
      case 'init': {
        const init = message as Extract<PanelHostMessage<Strings, Model>, { type: 'init' }>;
        document.documentElement.lang = init.locale;
        app = create(init.strings, init.locale);
        return;
      }
      case 'update':
        app?.show((message as Extract<PanelHostMessage<Strings, Model>, { type: 'update' }>).model);
        return;
      case 'error':
        app?.showError((message as Extract<PanelHostMessage<Strings, Model>, { type: 'error' }>).message);
        return;
      default:
        if (other) other(message as Extra);
        else console.warn('Unknown message from the host', (message as { type?: unknown }).type);
    }
  });
  api.postMessage({ type: 'ready' });
}
