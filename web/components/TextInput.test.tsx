import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Form } from 'antd';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { rulesFor } from '../lib/form-rules';
import { renderKit } from '../test/render';
import { TextArea, TextInput } from './TextInput';

const Z = z.object({ title: z.string().trim().min(2).max(10) });

describe('TextInput / TextArea', () => {
  it("shows the count against the schema's limit", async () => {
    const user = userEvent.setup();
    renderKit(<TextInput aria-label="t" schema={Z} field="title" />);
    await user.type(screen.getByLabelText('t'), 'abc');
    expect(screen.getByText('3 / 10')).toBeTruthy();
  });

  it('keeps text past the limit (never cut) and the form refuses it with a message', async () => {
    const user = userEvent.setup();
    const submitted: unknown[] = [];
    renderKit(
      <Form onFinish={(v) => submitted.push(v)}>
        <Form.Item name="title" label="标题" rules={rulesFor(Z, 'title', 'zh-CN')}>
          <TextArea schema={Z} field="title" />
        </Form.Item>
        <Button htmlType="submit">send</Button>
      </Form>,
    );
    const area = screen.getByLabelText('标题');
    await user.click(area);
    await user.paste('一二三四五六七八九十十一十二');
    expect((area as HTMLTextAreaElement).value).toBe('一二三四五六七八九十十一十二');
    expect(document.querySelector('[data-count]')?.getAttribute('data-count') ?? document.body.textContent).toContain('14 / 10');
    await user.click(screen.getByRole('button', { name: 'send' }));
    await waitFor(() => expect(screen.getByText('长度不能超过 10')).toBeTruthy());
    expect(submitted).toEqual([]);
  });
});
