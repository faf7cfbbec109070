import { useQuery } from '@tanstack/react-query';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Form } from 'antd';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../lib/api';
import { rulesFor } from '../lib/form-rules';
import { renderKit } from '../test/render';
import { NumberInput } from './NumberInput';
import { SettingsForm } from './SettingsForm';

const Z = z.object({ lockoutMinutes: z.number().int().min(1).max(1440) });
interface Loaded {
  settings: { lockoutMinutes: number };
  version: number;
  source: string;
  canEdit: boolean;
}

function Page({ server, saves }: { server: { data: Loaded; conflict?: boolean }; saves: unknown[] }) {
  const q = useQuery({ queryKey: ['settings'], queryFn: async () => structuredClone(server.data) });
  return (
    <SettingsForm<Loaded, { lockoutMinutes: number }>
      query={q}
      values={(d) => d.settings}
      version={(d) => d.version}
      source={(d) => d.source}
      canEdit={(d) => d.canEdit}
      save={async (v, version) => {
        if (server.conflict) throw new ApiError(409, 'CONFLICT', '设置已被他人修改，请重新加载');
        saves.push({ ...v, version });
        server.data = { ...server.data, settings: v, version: (version ?? 0) + 1 };
      }}
    >
      {() => (
        <Form.Item name="lockoutMinutes" label="锁定时长" rules={rulesFor(Z, 'lockoutMinutes', 'zh-CN')}>
          <NumberInput />
        </Form.Item>
      )}
    </SettingsForm>
  );
}

describe('SettingsForm', () => {
  it('loads, shows the 依据, saves with the version read and shows the new version', async () => {
    const user = userEvent.setup();
    const saves: unknown[] = [];
    const server = { data: { settings: { lockoutMinutes: 30 }, version: 3, source: 'GB/T 22239-2019 8.1.4.1', canEdit: true } };
    renderKit(<Page server={server} saves={saves} />);
    const input = await screen.findByLabelText('锁定时长');
    expect((input as HTMLInputElement).value).toBe('30');
    expect(screen.getByText(/GB\/T 22239-2019/)).toBeTruthy();
    expect(screen.getByText('第 3 版')).toBeTruthy();
    await user.clear(input);
    await user.type(input, '45');
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(saves).toEqual([{ lockoutMinutes: 45, version: 3 }]));
    await waitFor(() => expect(screen.getByText('第 4 版')).toBeTruthy());
  });

  it('on a conflict says so and offers a reload; read-only without the right', async () => {
    const user = userEvent.setup();
    const saves: unknown[] = [];
    const server = { data: { settings: { lockoutMinutes: 30 }, version: 3, source: 's', canEdit: true }, conflict: true };
    const { unmount } = renderKit(<Page server={server} saves={saves} />);
    await screen.findByLabelText('锁定时长');
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(screen.getAllByText('设置已被他人修改，请重新加载').length).toBeGreaterThan(0));
    expect(screen.getByRole('button', { name: /重新加载/ })).toBeTruthy();
    expect(saves).toEqual([]);
    unmount();
    renderKit(<Page server={{ data: { ...server.data, canEdit: false } }} saves={saves} />);
    await screen.findByText('仅可查看：修改需要相应权限');
    expect(screen.queryByRole('button', { name: /保\s*存/ })).toBeNull();
  });
});
