import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { ZCreateUser } from '../../../common/contracts/identity';
import { isValidPhone } from '../../../common/validators/phone';
import { TextInput } from '../../components/TextInput';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { type UserKind, useCan } from '../../lib/auth';
import { rulesFor } from '../../lib/form-rules';
import { localName } from '../../lib/format';
import { useAction } from '../../lib/use-action';
import { useDebounced } from '../../lib/use-debounced';
import { useAllDepartments, useEnterprises } from '../org';
import { USER_KINDS } from './api';
import { PasswordHalf } from './ResetPasswordModal';

interface CreateUserForm {
  username: string;
  displayName: string;
  kind: UserKind;
  departmentId?: string;
  enterpriseId?: string;
  phone?: string;
}

function EnterprisePicker({ value, onChange, groupsOnly, id }: { value?: string; onChange?: (v?: string) => void; groupsOnly: boolean; id?: string }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const { data, isFetching } = useEnterprises({ q: q || undefined, page: 1, pageSize: 50, sort: 'name:asc' });
  const options = (data?.items ?? []).filter((e) => !groupsOnly || e.isGroup).map((e) => ({ value: e.id, label: `${e.name}（${e.uscc}）` }));
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={isFetching}
      options={options}
      placeholder={t('users.searchEnterprise')}
    />
  );
}

/** New account (系统管理员). The unit decides what the user may see. */
export function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const can = useCan();
  const [form] = Form.useForm<CreateUserForm>();
  const kind = Form.useWatch('kind', form);
  const { modal } = App.useApp();
  const qc = useQueryClient();
  const needsDepartment = kind === 'government' || kind === 'industry';
  const needsEnterprise = kind === 'enterprise' || kind === 'group';
  const departments = useAllDepartments(open && needsDepartment);
  const required = [{ required: true, message: t('validation.required') }];

  const create = useAction({
    run: async (v: CreateUserForm) => {
      const created = await api<{ id: string; halfA: string }>('/api/users', {
        body: {
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          kind: v.kind,
          ...(needsDepartment ? { departmentId: v.departmentId } : {}),
          ...(needsEnterprise ? { enterpriseId: v.enterpriseId } : {}),
          ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
        },
      });
      await qc.invalidateQueries({ queryKey: ['users'] });
      return created;
    },
    form,
    success: 'common.saved',
    onSuccess: ({ halfA }) => {
      onClose();
      // The first password is split like a reset (三权分立): the creator sees half A once, here.
      modal.success({
        title: t('users.createdHalfA'),
        width: 520,
        content: <PasswordHalf value={halfA} half="A" />,
        okText: t('users.halfNoted'),
      });
    },
  });

  return (
    <Modal
      open={open}
      title={t('users.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.busy }}
      destroyOnHidden
      width={560}
    >
      <Form form={form} layout="vertical" onFinish={create.run} preserve={false} initialValues={{ kind: 'government' }}>
        <Form.Item name="username" label={t('users.username')} rules={[...required, { pattern: /^[a-zA-Z0-9._-]{3,32}$/, message: t('users.usernameRule') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={rulesFor(ZCreateUser, 'displayName', locale)}>
          <TextInput schema={ZCreateUser} field="displayName" />
        </Form.Item>
        <Form.Item name="kind" label={t('users.kind')} rules={required}>
          <Select options={USER_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        </Form.Item>
        {needsDepartment ? (
          <Form.Item name="departmentId" label={t('users.department')} rules={required}>
            <Select
              loading={departments.isLoading}
              showSearch={{ optionFilterProp: 'label' }}
              options={(departments.data ?? []).map((d) => ({ value: d.id, label: localName(locale, { zh: d.name, en: d.nameEn || d.name }) }))}
            />
          </Form.Item>
        ) : null}
        {needsEnterprise ? (
          <Form.Item name="enterpriseId" label={kind === 'group' ? t('users.group') : t('users.enterprise')} rules={required}>
            {can('enterprise.read') ? <EnterprisePicker groupsOnly={kind === 'group'} /> : <Input placeholder={t('users.enterpriseIdHint')} maxLength={36} />}
          </Form.Item>
        ) : null}
        <Form.Item
          name="phone"
          label={t('field.phone')}
          rules={[
            ...rulesFor(ZCreateUser, 'phone', locale),
            { validator: (_, v?: string) => (!v || isValidPhone(v) ? Promise.resolve() : Promise.reject(new Error(t('validation.phone')))) },
          ]}
        >
          <TextInput schema={ZCreateUser} field="phone" inputMode="tel" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
