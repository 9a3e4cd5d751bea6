// One product: its keys (create, show the secret once with a copy button, revoke) and the snippets to send points.
import { useEffect, useRef, useState } from 'react';
import { Button, Card, Notice, TextField, useAsync, useFormat, useSubmit } from '@trackstack/ui';
import { errorMessage } from '@trackstack/api';
import type { CreatedApiKey, DashboardsApi, Product } from '../api';
import { bucketName } from '../snippets';
import { CopyButton } from './CopyButton';
import { Snippets } from './Snippets';
import { t } from '../strings';

export function ProductKeys({ api, product, origin, onChanged }: { api: DashboardsApi; product: Product; origin: string; onChanged: (message: string) => void }) {
  const f = useFormat();
  const [version, setVersion] = useState(0);
  const keys = useAsync((signal) => api.keys(product.id, signal), [api, product.id, version]);
  const [name, setName] = useState('');
  const [read, setRead] = useState(false);
  const [expires, setExpires] = useState('');
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const s = useSubmit(['name', 'scopes', 'expiresAt']);
  const actions = useSubmit();
  const secretRef = useRef<HTMLInputElement>(null);
  useEffect(() => { if (created) secretRef.current?.focus(); }, [created]);

  const create = s.onSubmit(async () => {
    if (!name.trim()) return s.invalid({ name: t.keys.keyNameNeeded });
    // The key works through the chosen day (to its end in UTC): the server keeps the instant it is sent.
    const expiresAt = expires ? new Date(`${expires}T23:59:59Z`).toISOString() : null;
    const k = await api.createKey(product.id, { name: name.trim(), scopes: read ? ['ingest', 'read'] : ['ingest'], expiresAt });
    setCreated(k);
    setName('');
    setExpires('');
    setRead(false);
    setVersion((n) => n + 1);
  });
  const revoke = (id: string, keyName: string) => {
    if (!confirm(t.keys.revokeConfirm(keyName))) return;
    void actions.run(async () => {
      await api.revokeKey(product.id, id);
      if (created?.key.id === id) setCreated(null);
      setVersion((n) => n + 1);
      onChanged(t.keys.revoked(keyName));
    }, id);
  };
  const secretId = `secret-${product.id}`;
  return (
    <>
      <Card title={product.name} data-product-id={product.id} data-panel="product">
        {product.description ? <p className="muted">{product.description}</p> : null}
        <h3 className="subhead">{t.keys.keys}</h3>
        {actions.formError ? <Notice kind="error"><p>{actions.formError}</p></Notice> : null}
        {keys.status === 'error' ? <p className="muted">{errorMessage(keys.error, t.keys.couldNotLoadKeys)}</p>
          : keys.data && keys.data.length === 0 ? <p className="muted">{t.keys.noKeys}</p> : (
            <ul className="list" data-state={keys.status}>
              {(keys.data ?? []).map((k) => (
                <li key={k.id} data-key-id={k.id}>
                  <div className="grow">
                    <div className="title">{k.name}</div>
                    <div className="sub">
                      {t.keys.keyLine(k.prefix, k.scopes.map((x) => t.keys.scopes[x] ?? x).join(', '), f.date(k.createdAt))}
                      {k.lastUsedAt ? t.keys.lastUsed(f.date(k.lastUsedAt)) : t.keys.neverUsed}
                      {k.expiresAt ? t.keys.expires(f.date(k.expiresAt)) : ''}
                    </div>
                  </div>
                  <Button variant="ghost" aria-label={t.keys.revokeKey(k.name)} busy={actions.busyWith === k.id} onClick={() => revoke(k.id, k.name)}>{t.keys.revoke}</Button>
                </li>
              ))}
            </ul>
          )}
        {created ? (
          <div className="key-secret" data-secret-for={created.key.id}>
            <Notice kind="success">
              <p><strong>{t.keys.secretTitle}</strong></p>
              <p>{t.keys.secretOnce}</p>
            </Notice>
            <div className="copy-row">
              <label htmlFor={secretId} className="visually-hidden">{t.keys.secretLabel}</label>
              <input ref={secretRef} id={secretId} name="secret" readOnly value={created.secret} onFocus={(e) => e.currentTarget.select()} spellCheck={false} />
              <CopyButton text={created.secret} fallbackId={secretId} />
            </div>
          </div>
        ) : null}
        <form ref={s.formRef} onSubmit={create} noValidate className="inline-form">
          <h3 className="subhead">{t.keys.newKey}</h3>
          {s.formError ? <Notice kind="error"><p>{s.formError}</p></Notice> : null}
          <TextField label={t.keys.keyName} name="name" value={name} maxLength={100} hint={t.keys.keyNameHint} error={s.fieldErrors.name} onChange={(e) => setName(e.target.value)} />
          <label className="check"><input type="checkbox" name="read" checked={read} onChange={(e) => setRead(e.target.checked)} />{t.keys.alsoRead}</label>
          <TextField label={t.keys.expiresAt} name="expiresAt" type="date" value={expires} error={s.fieldErrors.expiresAt} onChange={(e) => setExpires(e.target.value)} />
          <div><Button type="submit" busy={s.busy}>{t.keys.createKey}</Button></div>
        </form>
      </Card>
      <Snippets input={{ origin, key: created?.secret ?? t.keys.keyPlaceholder, bucket: bucketName(product.name) }} withNewKey={!!created} />
    </>
  );
}
