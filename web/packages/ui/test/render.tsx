// Renders into a jsdom document for the component tests, and waits for what React does after a click.
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;

export async function render(node: ReactNode): Promise<HTMLElement> {
  const el = document.body.appendChild(document.createElement('div'));
  root = createRoot(el);
  await act(async () => { root!.render(node); });
  return el;
}

export function cleanup() {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
}

/** Lets pending promises (fake API answers) settle inside act. */
export async function settle(ms = 0) {
  await act(async () => { await new Promise((r) => setTimeout(r, ms)); });
}

export async function click(el: Element | null | undefined) {
  if (!el) throw new Error('nothing to click');
  await act(async () => { (el as HTMLElement).click(); });
}

export function button(root: ParentNode, text: string): HTMLButtonElement {
  const b = [...root.querySelectorAll('button')].find((x) => x.textContent === text);
  if (!b) throw new Error(`no button "${text}"`);
  return b;
}
