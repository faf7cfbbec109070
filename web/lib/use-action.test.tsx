import { useQuery } from '@tanstack/react-query';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, Form, Input } from 'antd';
import { describe, expect, it } from 'vitest';
import { renderKit } from '../test/render';
import { ApiError } from './api';
import { useAction } from './use-action';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('useAction', () => {
  it('is busy while running, then shows the success message, refetches the named queries and calls onSuccess', async () => {
    const user = userEvent.setup();
    const pending = deferred<{ id: string }>();
    let loads = 0;
    const done: string[] = [];
    function Page() {
      useQuery({ queryKey: ['users', 'list'], queryFn: async () => ++loads });
      const save = useAction({ run: () => pending.promise, success: 'common.saved', invalidate: [['users']], onSuccess: (r) => done.push(r.id) });
      return (
        <Button loading={save.busy} onClick={() => void save.run()}>
          go
        </Button>
      );
    }
    renderKit(<Page />);
    await waitFor(() => expect(loads).toBe(1));
    await user.click(screen.getByRole('button', { name: 'go' }));
    await waitFor(() => expect(screen.getByRole('button').className).toContain('ant-btn-loading'));
    pending.resolve({ id: 'u1' });
    await waitFor(() => expect(screen.getByText('已保存')).toBeTruthy());
    expect(done).toEqual(['u1']);
    await waitFor(() => expect(loads).toBe(2));
    expect(screen.getByRole('button').className).not.toContain('ant-btn-loading');
  });

  it('puts a 400 field error on the form, the rest in a message, and does not call onSuccess', async () => {
    const user = userEvent.setup();
    const done: unknown[] = [];
    function Page() {
      const [form] = Form.useForm();
      const save = useAction({
        run: async () => {
          throw new ApiError(400, 'VALIDATION', '提交的数据有误', [
            { field: 'name', label: '名称', code: 'too_long', message: '长度不能超过 20' },
            { field: 'other', label: '其他', code: 'invalid', message: '其他无效' },
          ]);
        },
        form,
        onSuccess: () => done.push(1),
      });
      return (
        <Form form={form} onFinish={save.run}>
          <Form.Item name="name" label="名称">
            <Input />
          </Form.Item>
          <Button htmlType="submit">send</Button>
        </Form>
      );
    }
    renderKit(<Page />);
    await user.click(screen.getByRole('button', { name: 'send' }));
    await waitFor(() => expect(screen.getByText('长度不能超过 20')).toBeTruthy());
    await waitFor(() => expect(screen.getByText('提交的数据有误；其他无效')).toBeTruthy());
    expect(screen.queryByText('操作成功')).toBeNull();
    expect(done).toEqual([]);
  });
});
