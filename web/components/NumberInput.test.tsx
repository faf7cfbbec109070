import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Form } from 'antd';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { rulesFor } from '../lib/form-rules';
import { renderKit } from '../test/render';
import { NumberInput, parseNumber } from './NumberInput';

describe('parseNumber', () => {
  it.each([
    ['12', 12],
    ['-3.5', -3.5],
    ['１２', 12],
    [' 7 ', 7],
    ['', null],
  ])('%s → %s', (text, want) => expect(parseNumber(text)).toBe(want));
  it.each(['12x3', 'abc', '1.2.3', '-', '1e5'])('%s is not a number', (text) => expect(parseNumber(text)).toBeNaN());
});

const ZForm = z.object({ amount: z.number().int().min(0).max(100) });

function AmountForm({ onFinish }: { onFinish: (v: { amount: number }) => void }) {
  return (
    <Form onFinish={onFinish}>
      <Form.Item name="amount" label="数量" rules={rulesFor(ZForm, 'amount', 'zh-CN')}>
        <NumberInput />
      </Form.Item>
      <Button htmlType="submit">send</Button>
    </Form>
  );
}

describe('NumberInput', () => {
  it('keeps 12x3 out of the form value, shows it as typed, says why and blocks the submit', async () => {
    const user = userEvent.setup();
    const submitted: unknown[] = [];
    renderKit(<AmountForm onFinish={(v) => submitted.push(v)} />);
    const input = screen.getByLabelText('数量');
    await user.type(input, '12x3');
    expect(input).toHaveProperty('value', '12x3');
    await waitFor(() => expect(screen.getByText('请输入数字')).toBeTruthy());
    await user.click(screen.getByRole('button', { name: 'send' }));
    await waitFor(() => expect(screen.getAllByText('请输入数字').length).toBeGreaterThan(0));
    expect(submitted).toEqual([]);
  });

  it('submits the number typed', async () => {
    const user = userEvent.setup();
    const submitted: unknown[] = [];
    renderKit(<AmountForm onFinish={(v) => submitted.push(v)} />);
    await user.type(screen.getByLabelText('数量'), '42');
    await user.click(screen.getByRole('button', { name: 'send' }));
    await waitFor(() => expect(submitted).toEqual([{ amount: 42 }]));
  });

  it('refuses a number out of the schema range with the server message', async () => {
    const user = userEvent.setup();
    const submitted: unknown[] = [];
    renderKit(<AmountForm onFinish={(v) => submitted.push(v)} />);
    await user.type(screen.getByLabelText('数量'), '101');
    await user.click(screen.getByRole('button', { name: 'send' }));
    await waitFor(() => expect(screen.getByText('不能大于 100')).toBeTruthy());
    expect(submitted).toEqual([]);
  });

  it('shows its own message outside a Form.Item with rules', async () => {
    const user = userEvent.setup();
    const values: unknown[] = [];
    renderKit(<NumberInput aria-label="n" onChange={(v) => values.push(v)} />);
    await user.type(screen.getByLabelText('n'), '3a');
    expect(screen.getByRole('alert').textContent).toBe('请输入数字');
    expect(values.at(-1)).toBeNaN();
    expect(values).not.toContain(0);
  });
});
