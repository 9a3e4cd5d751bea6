// Copy-paste snippets for the product: curl (JSON ingest), Telegraf and Home Assistant, with this server's address.
import { useId } from 'react';
import { Card } from '@trackstack/ui';
import { curlSnippet, homeAssistantSnippet, telegrafSnippet, type SnippetInput } from '../snippets';
import { CopyButton } from './CopyButton';
import { t } from '../strings';

export function Snippets({ input, withNewKey }: { input: SnippetInput; withNewKey: boolean }) {
  const id = useId();
  const items = [
    { key: 'curl', name: t.keys.curl, text: curlSnippet(input) },
    { key: 'telegraf', name: t.keys.telegraf, text: telegrafSnippet(input) },
    { key: 'home-assistant', name: t.keys.homeAssistant, text: homeAssistantSnippet(input) },
  ];
  return (
    <Card title={t.keys.snippets} data-panel="snippets">
      <p className="muted">{t.keys.snippetsIntro(input.bucket)}</p>
      <p className="muted">{withNewKey ? t.keys.withNewKey : t.keys.withPlaceholder}</p>
      {items.map((s) => (
        <details key={s.key} className="more snippet" data-snippet={s.key}>
          <summary>{s.name}</summary>
          <textarea id={`${id}-${s.key}`} className="snippet-text" readOnly rows={s.text.split('\n').length} value={s.text} spellCheck={false} aria-label={s.name} />
          <div><CopyButton text={s.text} fallbackId={`${id}-${s.key}`} label={t.keys.copySnippet(s.name)} /></div>
        </details>
      ))}
    </Card>
  );
}
