// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@trackstack/api';
import { TextField } from '../src/components';
import { useSubmit } from '../src/submit';
import { button, cleanup, click, render, settle } from './render';

afterEach(cleanup);

function Form({ action, check }: { action: () => Promise<void>; check?: (invalid: (e: Record<string, string>) => void) => boolean }) {
  const s = useSubmit(['email', 'password']);
  return (
    <form ref={s.formRef} noValidate onSubmit={s.onSubmit(async () => { if (check?.(s.invalid)) return; await action(); })}>
      {s.formError ? <p className="form-error">{s.formError}</p> : null}
      <TextField label="E-mail" name="email" error={s.fieldErrors.email} />
      <TextField label="Password" name="password" error={s.fieldErrors.password} />
      <button type="submit" aria-busy={s.busy || undefined}>Save</button>
    </form>
  );
}

const refused = (errors: Record<string, string[]>) => new ApiError(400, { title: 'The request has invalid fields.', errors });
const field = (el: HTMLElement, name: string) => el.querySelector<HTMLInputElement>(`input[name=${name}]`)!;

describe('useSubmit', () => {
  it('shows the server\'s field errors on their fields, the rest as the form message, and focuses the first field in error', async () => {
    const el = await render(<Form action={() => Promise.reject(refused({ Password: ['At least 10 characters.'], Captcha: ['Solve it again.'] }))} />);
    await click(button(el, 'Save'));
    await settle();
    expect(field(el, 'password').getAttribute('aria-invalid')).toBe('true');
    expect(el.querySelector('.field-error')?.textContent).toBe('At least 10 characters.');
    expect(field(el, 'email').getAttribute('aria-invalid')).toBeNull();
    expect(el.querySelector('.form-error')?.textContent).toBe('Solve it again.');
    expect(document.activeElement).toBe(field(el, 'password'));
  });

  it('moves focus again when the same error comes back, and clears errors on the next try', async () => {
    let answer: () => Promise<void> = () => Promise.reject(refused({ email: ['Taken.'] }));
    const el = await render(<Form action={() => answer()} />);
    await click(button(el, 'Save'));
    await settle();
    field(el, 'password').focus();
    await click(button(el, 'Save'));
    await settle();
    expect(document.activeElement).toBe(field(el, 'email'));
    answer = () => Promise.resolve();
    await click(button(el, 'Save'));
    await settle();
    expect(el.querySelector('[aria-invalid]')).toBeNull();
  });

  it('shows a check made before sending like a server error, without calling the action', async () => {
    const action = vi.fn(() => Promise.resolve());
    const el = await render(<Form action={action} check={(invalid) => { invalid({ email: 'Type your e-mail address.' }); return true; }} />);
    await click(button(el, 'Save'));
    expect(action).not.toHaveBeenCalled();
    expect(field(el, 'email').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field(el, 'email'));
  });

  it('is busy while the action runs, and says something calm when it fails for another reason', async () => {
    let fail!: (e: unknown) => void;
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const el = await render(<Form action={() => new Promise((_, reject) => { fail = reject; })} />);
    await click(button(el, 'Save'));
    expect(button(el, 'Save').getAttribute('aria-busy')).toBe('true');
    fail(new TypeError('boom'));
    await settle();
    expect(button(el, 'Save').getAttribute('aria-busy')).toBeNull();
    expect(el.querySelector('.form-error')?.textContent).toBe('Something went wrong. Try again.');
    expect(error).toHaveBeenCalled();
  });

  it('says the server\'s message when no field is named', async () => {
    const el = await render(<Form action={() => Promise.reject(new ApiError(409, { title: 'Month closed', detail: 'Reopen it first.' }))} />);
    await click(button(el, 'Save'));
    await settle();
    expect(el.querySelector('.form-error')?.textContent).toBe('Month closed. Reopen it first.');
  });
});
