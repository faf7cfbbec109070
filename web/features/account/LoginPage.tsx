import { FileSearchOutlined, LockOutlined, ReloadOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { ZCaptcha } from '../../../common/contracts/identity';
import { FullPageSpin } from '../../components/AppLayout';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { hasStoredLocale, useI18n } from '../../i18n';
import { ApiError, api, applyFieldErrors, errorMessage } from '../../lib/api';
import { type Me, useMe, useSetMe } from '../../lib/auth';

interface LoginForm {
  username: string;
  password: string;
  captcha?: string;
}

type Captcha = z.infer<typeof ZCaptcha>;

/** Only same-site paths are followed after login (no open redirect). */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const { t, locale, setLocale } = useI18n();
  const [form] = Form.useForm<LoginForm>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const setMe = useSetMe();
  const { data: me, isLoading } = useMe();
  // Shown once the server says the next attempt needs it (error.extra.captcha); each image is good for one try.
  const [captcha, setCaptcha] = useState<Captcha | null>(null);
  const newCaptcha = useCallback(async () => {
    form.setFieldValue('captcha', '');
    try {
      setCaptcha(await api<Captcha>('/api/auth/captcha', { allowUnauthenticated: true }));
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [form]);

  if (isLoading) return <FullPageSpin />;
  if (me) return <Navigate to={me.user.mustChangePassword ? '/account/password' : safeNext(params.get('next'))} replace />;

  const submit = async (values: LoginForm) => {
    setBusy(true);
    setError(null);
    try {
      const body = { username: values.username, password: values.password, ...(captcha ? { captchaId: captcha.id, captcha: values.captcha ?? '' } : {}) };
      const res = await api<Me & { token?: string }>('/api/auth/login', { body, allowUnauthenticated: true });
      // A language picked on this device wins; otherwise the profile's language applies.
      if (!hasStoredLocale() && res.user.locale && res.user.locale !== locale) setLocale(res.user.locale);
      else if (res.user.locale !== locale) void api('/api/auth/me', { method: 'PATCH', body: { locale } }).catch(() => undefined);
      setMe(res);
      navigate(res.user.mustChangePassword ? '/account/password' : safeNext(params.get('next')), { replace: true });
    } catch (err) {
      applyFieldErrors(form, err);
      setError(errorMessage(err));
      const needsCaptcha = err instanceof ApiError && (err.extra as { captcha?: boolean } | undefined)?.captcha === true;
      if (needsCaptcha) void newCaptcha();
      else setCaptcha(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: 'linear-gradient(160deg, #e8eef7 0%, #f5f6f8 60%)' }}>
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 400 }}>
        <LanguageSwitch signedIn={false} />
      </Flex>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          {t('app.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('login.subtitle')}
        </Typography.Paragraph>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} autoComplete="on">
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          {captcha ? (
            <Form.Item label={t('login.captcha')} extra={t('login.captchaHint')} required>
              <Flex gap={8} align="center">
                <Form.Item name="captcha" noStyle rules={[{ required: true, message: t('validation.required') }]}>
                  <Input prefix={<SafetyOutlined />} aria-label={t('login.captcha')} autoComplete="off" maxLength={8} size="large" style={{ flex: 1 }} />
                </Form.Item>
                <img src={captcha.image} alt={t('login.captchaImage')} width={132} height={44} style={{ border: '1px solid #d9d9d9', borderRadius: 6 }} />
                <Button icon={<ReloadOutlined />} onClick={() => void newCaptcha()} aria-label={t('login.captchaRefresh')} title={t('login.captchaRefresh')} />
              </Flex>
            </Form.Item>
          ) : null}
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
      <Link to="/public/accidents" style={{ marginTop: 16 }}>
        <FileSearchOutlined /> {t('login.publicAccidents')}
      </Link>
    </Flex>
  );
}
