/**
 * UI helpers shared by the e2e paths (run.ts, monitoring.ts): sign-in and out, the left menu, dialogs,
 * API calls with the browser's session. Selectors go by role and visible text; antd class names only
 * where antd gives no role (tables, cards, form items).
 */
import type { Locator, Page, Response } from 'playwright-core';
import { check, waitFor } from './harness.js';

export const PASSWORD = 'E2e-Pass-2021';

export interface Me {
  user: { username: string; displayName: string; unitName: string | null; mustChangePassword: boolean };
  permissions: string[];
}

export async function login(page: Page, base: string, username: string): Promise<Me> {
  await page.goto(`${base}/login`);
  await fillFields(page, [
    ['用户名', username],
    ['密码', PASSWORD],
  ]);
  // antd puts a space between two CJK characters of a button ("登 录").
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 15_000 });
  await page.locator('header').waitFor();
  const me = (await (await page.request.get(`${base}/api/auth/me`)).json()) as Me;
  check(me.user.username === username, `signed in as ${me.user.username}, expected ${username}`);
  check(!me.user.mustChangePassword, `${username} must change the password first (demo users should not)`);
  return me;
}

export async function logout(page: Page, me: Me): Promise<void> {
  // Once: pickFromMenu clicks the item only after its dropdown has finished opening, then the URL must follow.
  await pickFromMenu(page, page.locator('header').getByRole('button', { name: me.user.displayName }), page.getByRole('menuitem', { name: /退出登录/ }));
  await page.waitForURL((u) => u.pathname.startsWith('/login'), { timeout: 15_000 });
  const res = await page.request.get(`${page.url().replace(/\/login.*$/, '')}/api/auth/me`);
  check(res.status() === 401, `after logout /api/auth/me answered ${res.status()}, expected 401`);
}

/**
 * Clicks a left-menu item and waits for the new page's title, so nothing is read from the old page. An item
 * inside a submenu is clicked once that submenu has finished expanding (a click during the motion is lost).
 */
export async function openMenu(page: Page, label: RegExp, pathPrefix: string, title: string | RegExp): Promise<void> {
  const item = page.getByRole('menuitem', { name: label });
  await item.waitFor();
  const sub = page.locator('ul.ant-menu-sub').filter({ has: item });
  if ((await sub.count()) > 0) await opened(sub.first(), 'the submenu');
  await item.click();
  await page.waitForURL((u) => u.pathname.startsWith(pathPrefix));
  await page.getByRole('heading', { level: 4, name: title, exact: true }).waitFor();
}

/**
 * Waits for an antd popup (dropdown, option list, date panel, popconfirm, modal) to be shown and to finish
 * its opening motion: antd swallows a click made while the popup is still animating in (seen about 1 in 4
 * times with an immediate click on a menu item).
 */
export async function opened(popup: Locator, what: string): Promise<Locator> {
  await popup.waitFor();
  await waitFor(`${what} to finish opening`, async () => (/-(appear|enter)\b/.test((await popup.getAttribute('class')) ?? '') ? undefined : true), 5_000, 50);
  return popup;
}

/**
 * Opens a header dropdown and clicks one of its items. Works for click and hover triggers: a click
 * opens a click dropdown, and the pointer moving onto the trigger opens a hover one (the click itself
 * is then ignored). When the menu is already open (a retry), the trigger is left alone, since a second
 * click would close it. The click on the item waits until the popup holding it has finished opening.
 */
export async function pickFromMenu(page: Page, trigger: Locator, item: Locator): Promise<void> {
  if (!(await item.isVisible())) await trigger.click({ timeout: 5_000 });
  await item.waitFor({ timeout: 5_000 });
  await opened(page.locator('.ant-dropdown').filter({ has: item }), 'the dropdown');
  await item.click({ timeout: 5_000 });
}

/** Opens a left-menu submenu when it is closed, then one of its items (see openMenu). */
export async function openSubmenu(page: Page, group: RegExp, label: RegExp, pathPrefix: string, title: string | RegExp): Promise<void> {
  const g = page.getByRole('menuitem', { name: group });
  if ((await g.getAttribute('aria-expanded')) !== 'true') await g.click();
  await waitFor(`the submenu ${group} to expand`, async () => ((await g.getAttribute('aria-expanded')) === 'true' ? true : undefined), 5_000, 50);
  await openMenu(page, label, pathPrefix, title);
}

/** Runs `action` and waits for the API call it makes; fails on a non-2xx answer. */
export async function expectCall(page: Page, method: string, pathname: RegExp, action: () => Promise<unknown>): Promise<Response> {
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === method && pathname.test(new URL(r.url()).pathname), { timeout: 15_000 }),
    action(),
  ]);
  check(res.ok(), `${method} ${new URL(res.url()).pathname} answered ${res.status()}: ${(await res.text().catch(() => '')).slice(0, 300)}`);
  return res;
}

/** The antd form item with this exact label, within `scope`. */
export function formItem(scope: Page | Locator, label: string): Locator {
  // The inner locator of `has` is relative to the form item, so it starts from the page.
  const page = 'goto' in scope ? scope : scope.page();
  return scope.locator('.ant-form-item').filter({ has: page.locator('.ant-form-item-label').getByText(label, { exact: true }) });
}

/** Waits for an antd modal to finish opening (like a dropdown, a click during its animation may be lost) and returns it. */
export async function openDialog(page: Page, name: string): Promise<Locator> {
  return opened(page.getByRole('dialog', { name, exact: true }), `the dialog ${name}`);
}

/** Clicks `button` and returns the dialog it opens, once that has finished opening. */
export async function clickForDialog(page: Page, button: Locator, name: string): Promise<Locator> {
  await button.click();
  return openDialog(page, name);
}

/**
 * Fills text fields by label within `scope`, then reads every one back: a form that re-renders (data
 * arriving, a field appearing) may reset a value typed before, and the form would then be sent without it.
 */
export async function fillFields(scope: Page | Locator, fields: [label: string, value: string][]): Promise<void> {
  for (const [label, value] of fields) await scope.getByLabel(label, { exact: true }).fill(value);
  for (const [label, value] of fields) {
    const shown = await scope.getByLabel(label, { exact: true }).inputValue();
    check(shown === value, `the field ${label} holds "${shown}" after filling "${value}"`);
  }
}

const SELECT_ROOT = 'xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]';

/**
 * Picks an option of an antd Select (found by its input, e.g. getByLabel) and checks that the select
 * shows it and its list has closed. With `search` the text is typed first (showSearch selects). The
 * option is reached with the arrow keys and taken with Enter: the keys go to the select's own input,
 * which stays put when the list re-renders under the pointer (options arriving, the filter applying),
 * where a click can land on an option as it is replaced and be lost.
 */
export async function selectOption(page: Page, input: Locator, option: string | RegExp, search?: string): Promise<string> {
  const matches = (title: string | null) => title !== null && (typeof option === 'string' ? title === option : option.test(title));
  const select = input.locator(SELECT_ROOT);
  await input.click();
  const list = await opened(page.locator('.ant-select-dropdown').filter({ visible: true }), 'the option list');
  if (search !== undefined) {
    await input.fill(search);
    check((await input.inputValue()) === search, `the select's search box holds "${await input.inputValue()}", typed "${search}"`);
  }
  const options = list.locator('.ant-select-item-option');
  const read = () =>
    options.evaluateAll((els) => els.map((e) => ({ title: e.getAttribute('title'), active: e.classList.contains('ant-select-item-option-active') })));
  const wanted = await waitFor(`the option ${option} in the list`, async () => {
    const shown = await read();
    const hits = shown.filter((o) => matches(o.title));
    check(hits.length <= 1, `${hits.length} options match ${option}: ${hits.map((o) => o.title).join(' / ')}`);
    return hits[0]?.title ?? undefined;
  });
  // Arrow keys move the active option one step each; each step is seen before the next key.
  for (let step = 0; ; step++) {
    const shown = await read();
    const active = shown.findIndex((o) => o.active);
    const target = shown.findIndex((o) => o.title === wanted);
    if (active === target) break;
    check(step <= shown.length + 20, `could not move to the option ${wanted} with the arrow keys (active: ${shown[active]?.title})`);
    await input.press(active < 0 || active < target ? 'ArrowDown' : 'ArrowUp');
    await waitFor('the active option to move', async () => ((await read()).findIndex((o) => o.active) !== active ? true : undefined), 5_000, 30);
  }
  await input.press('Enter');
  await list.waitFor({ state: 'hidden' });
  const chosen = await waitFor(
    `the select to show ${wanted}`,
    async () => {
      const title = await select.locator('.ant-select-content').getAttribute('title');
      return title === wanted ? title : undefined;
    },
    5_000,
  );
  return chosen;
}

/**
 * Types a date (and time) into an antd DatePicker and confirms it with Enter; then the input loses focus,
 * which closes the panel (a picker with a time part stays open after Enter) and reverts a value typed but
 * not taken, and the value must still be there. Never Escape: inside a dialog it would close the dialog.
 */
export async function typeDate(page: Page, input: Locator, value: string): Promise<void> {
  await input.click();
  const panel = await opened(page.locator('.ant-picker-dropdown').filter({ visible: true }), 'the date panel');
  await input.fill(value);
  await input.press('Enter');
  await input.evaluate((el) => (el as HTMLInputElement).blur());
  await panel.waitFor({ state: 'hidden' });
  const shown = await input.inputValue();
  check(shown === value, `the date picker shows "${shown}" after typing "${value}"`);
}

/** Clicks the dialog's OK button and waits for the API call it makes, then for the dialog to close. */
export async function submitDialog(page: Page, dialog: Locator, ok: RegExp, path: RegExp): Promise<Response> {
  const res = await expectCall(page, 'POST', path, () => dialog.getByRole('button', { name: ok }).click()).catch(async (err: Error) => {
    const fields = await dialog.locator('.ant-form-item-has-error .ant-form-item-label label').allTextContents();
    throw new Error(fields.length ? `the form was not sent, fields in error: ${fields.join('; ')}` : err.message);
  });
  await dialog.waitFor({ state: 'hidden' });
  return res;
}

export async function getJson<T>(p: Page, url: string): Promise<T> {
  const res = await p.request.get(url);
  const u = new URL(url);
  check(res.ok(), `GET ${u.pathname}${u.search} answered ${res.status()}`);
  return (await res.json()) as T;
}

/** A card found by its title text (exact). */
export function cardTitled(p: Page, title: string): Locator {
  return p.locator('.ant-card').filter({ has: p.locator('.ant-card-head-title').getByText(title, { exact: true }) });
}

/** The civil day in Beijing of an instant, 'YYYY-MM-DD'. */
export function beijingDay(at: string | number): string {
  return new Date((typeof at === 'number' ? at : Date.parse(at)) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** "YYYY-MM-DD HH:mm" in Beijing time, as the DatePicker shows it. */
export function beijingMinute(d: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(d)
      .map((x) => [x.type, x.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
