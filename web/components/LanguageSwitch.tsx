import { GlobalOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Dropdown } from 'antd';
import { type Locale, useI18n } from '../i18n';
import { api } from '../lib/api';
import { ME_KEY, type Me } from '../lib/auth';

const LABELS: Record<Locale, string> = { 'zh-CN': '中文', 'en-US': 'English' };

/** Switches the UI language; remembered on this device and, when signed in, on the user's profile. */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const { locale, setLocale, t } = useI18n();
  const qc = useQueryClient();
  const change = async (next: Locale) => {
    if (next === locale) return;
    setLocale(next);
    if (signedIn) {
      try {
        await api('/api/auth/me', { method: 'PATCH', body: { locale: next } });
        qc.setQueryData<Me | null>(ME_KEY, (me) => (me ? { ...me, user: { ...me.user, locale: next } } : me));
      } catch {
        // the local choice still applies; the profile keeps its old language
      }
    }
    // Server-side texts (region names, messages) come back in the new language.
    await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: (Object.keys(LABELS) as Locale[]).map((l) => ({ key: l, label: LABELS[l] })),
        onClick: ({ key }) => void change(key as Locale),
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} title={t('header.language')}>
        {LABELS[locale]}
      </Button>
    </Dropdown>
  );
}
