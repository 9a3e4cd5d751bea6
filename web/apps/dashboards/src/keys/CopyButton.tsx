import { useEffect, useState } from 'react';
import { Button } from '@trackstack/ui';
import { t } from '../strings';

/** Copies a text to the clipboard; where that is refused, selects the element `fallbackId` so the user can copy. */
export function CopyButton({ text, fallbackId, label }: { text: string; fallbackId: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => setCopied(false), [text]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      const el = document.getElementById(fallbackId) as HTMLInputElement | HTMLTextAreaElement | null;
      el?.focus();
      el?.select();
    }
  };
  return <Button variant="secondary" className="btn-small" onClick={() => void copy()} aria-label={label} data-copied={copied ? 'true' : undefined}>{copied ? t.keys.copied : t.keys.copy}</Button>;
}
