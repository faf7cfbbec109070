import { SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Select, Statistic, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { useApiError } from '../../lib/use-api-error';
import { useDebounced } from '../../lib/use-debounced';
import { AreaPlot } from './AreaPlot';
import { parseRing, type TPreview, type TWarningLevel, useWarning, useWarningUpdated, WARNING_EVENTS, WARNING_LEVELS, type WarningResponse } from './api';
import { LEVEL_COLOR, useEventName } from './labels';

interface Values {
  eventType: string;
  level: TWarningLevel;
  headline?: string;
  description: string;
  instruction?: string;
  taskText?: string;
  areaDesc: string;
  areaMode: 'polygon' | 'region';
  ring: string;
  regionCode?: string;
  expires: Dayjs;
  capScope: 'Public' | 'Restricted';
}

const ringText = (ring: [number, number][]) => ring.map(([x, y]) => `${x},${y}`).join('\n');

/** 发布预警 (and 更新预警 at /warnings/:id/update): the area as "lng,lat" lines or a region, with a live reach preview. */
export function IssueWarningPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const onError = useApiError();
  const updated = useWarningUpdated();
  const eventName = useEventName();
  const existing = useWarning(id);
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<TPreview | null>(null);
  const mode = Form.useWatch('areaMode', form) ?? 'polygon';
  const ringInput = Form.useWatch('ring', form) ?? '';
  const regionCode = Form.useWatch('regionCode', form);
  const level = (Form.useWatch('level', form) ?? 'orange') as TWarningLevel;
  const parsed = useMemo(() => parseRing(ringInput), [ringInput]);
  const area = useDebounced(
    JSON.stringify(
      mode === 'polygon'
        ? { polygons: parsed.ring.length >= 4 ? [parsed.ring] : [], regionCodes: [] }
        : { polygons: [], regionCodes: regionCode ? [regionCode] : [] },
    ),
    400,
  );

  useEffect(() => {
    const d = existing.data?.data;
    if (!d) return;
    form.setFieldsValue({
      eventType: d.eventType,
      level: d.level ?? 'orange',
      headline: d.headline,
      description: d.description,
      instruction: d.instruction,
      taskText: d.taskText,
      areaDesc: d.area.areaDesc,
      areaMode: d.area.polygons.length ? 'polygon' : 'region',
      ring: d.area.polygons[0] ? ringText(d.area.polygons[0]) : '',
      regionCode: d.area.regionCodes[0],
      expires: d.expires ? dayjs(d.expires) : dayjs().add(24, 'hour'),
      capScope: d.capScope === 'Restricted' ? 'Restricted' : 'Public',
    });
  }, [existing.data, form]);

  useEffect(() => {
    let stale = false;
    api<TPreview>('/api/warnings/preview', { method: 'POST', body: JSON.parse(area) })
      .then((p) => !stale && setPreview(p))
      .catch(() => !stale && setPreview(null));
    return () => {
      stale = true;
    };
  }, [area]);

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const body = {
        eventType: v.eventType,
        level: v.level,
        headline: v.headline || undefined,
        description: v.description,
        instruction: v.instruction || undefined,
        taskText: v.taskText || undefined,
        areaDesc: v.areaDesc,
        polygons: v.areaMode === 'polygon' ? [parseRing(v.ring ?? '').ring] : [],
        regionCodes: v.areaMode === 'region' && v.regionCode ? [v.regionCode] : [],
        expires: v.expires.toISOString(),
        capScope: v.capScope,
      };
      const res = await api<WarningResponse>(id ? `/api/warnings/${id}/update` : '/api/warnings', { method: 'POST', body });
      await updated(res);
      void message.success(t('warning.issued', { n: res.data.targets.length }));
      navigate(`/warnings/${res.data.id}`);
    } catch (e) {
      onError(e, form);
    } finally {
      setBusy(false);
    }
  };

  const addVertex = (p: [number, number]) => {
    const lines = parseRing(form.getFieldValue('ring') ?? '').ring;
    const open = lines.length >= 4 ? lines.slice(0, -1) : lines;
    form.setFieldValue('ring', ringText([...open, p]));
  };

  return (
    <>
      <PageHeader title={id ? t('warning.updateTitle') : t('warning.issue')}>
        <Typography.Text type="secondary">{t('warning.issueHint')}</Typography.Text>
      </PageHeader>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ eventType: '暴雨', level: 'orange', areaMode: 'polygon', ring: '', capScope: 'Public', expires: dayjs().add(24, 'hour') }}
        onValuesChange={(c: Partial<Values>) => {
          if (c.eventType && !id) form.setFieldValue('taskText', WARNING_EVENTS.find((e) => e.key === c.eventType)?.task);
        }}
      >
        <Row gutter={16}>
          <Col xs={24} lg={11}>
            <Card size="small" title={t('warning.content')}>
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item name="eventType" label={t('warning.eventType')} rules={[{ required: true }]}>
                    <Select options={WARNING_EVENTS.map((e) => ({ value: e.key, label: eventName(e.key) }))} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="level" label={t('warning.level')} rules={[{ required: true }]}>
                    <Radio.Group optionType="button" buttonStyle="solid">
                      {WARNING_LEVELS.map((l) => (
                        <Radio.Button key={l} value={l}>
                          <span style={{ color: level === l ? undefined : LEVEL_COLOR[l] }}>{t(`warning.level.${l}`)}</span>
                        </Radio.Button>
                      ))}
                    </Radio.Group>
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="headline" label={t('warning.headline')} extra={t('warning.headlineHint')}>
                <Input maxLength={160} />
              </Form.Item>
              <Form.Item name="description" label={t('warning.description')} rules={[{ required: true, message: t('warning.required') }]}>
                <Input.TextArea rows={3} maxLength={4000} />
              </Form.Item>
              <Form.Item name="instruction" label={t('warning.instruction')}>
                <Input.TextArea rows={2} maxLength={4000} />
              </Form.Item>
              <Form.Item name="taskText" label={t('warning.taskText')} extra={t('warning.taskHint')} initialValue={WARNING_EVENTS[0].task}>
                <Input.TextArea rows={4} maxLength={2000} />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item name="expires" label={t('warning.expires')} rules={[{ required: true }]}>
                    <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="capScope" label={t('warning.capScope')}>
                    <Select
                      options={[
                        { value: 'Public', label: t('warning.capScope.Public') },
                        { value: 'Restricted', label: t('warning.capScope.Restricted') },
                      ]}
                    />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          </Col>
          <Col xs={24} lg={13}>
            <Card size="small" title={t('warning.area')}>
              <Form.Item name="areaDesc" label={t('warning.areaDesc')} rules={[{ required: true, message: t('warning.required') }]}>
                <Input maxLength={200} placeholder={t('warning.areaDescPlaceholder')} />
              </Form.Item>
              <Form.Item name="areaMode">
                <Radio.Group
                  options={[
                    { value: 'polygon', label: t('warning.areaMode.polygon') },
                    { value: 'region', label: t('warning.areaMode.region') },
                  ]}
                />
              </Form.Item>
              {mode === 'polygon' ? (
                <Row gutter={12}>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name="ring"
                      label={t('warning.ring')}
                      extra={
                        parsed.bad.length ? (
                          <Typography.Text type="danger">{t('warning.ringBad', { lines: parsed.bad.join(', ') })}</Typography.Text>
                        ) : (
                          t('warning.ringHint')
                        )
                      }
                    >
                      <Input.TextArea
                        rows={9}
                        placeholder={'112.80,35.62\n112.98,35.62\n112.98,35.76\n112.80,35.76'}
                        style={{ fontFamily: 'monospace', fontSize: 12 }}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={16}>
                    <AreaPlot
                      polygons={parsed.ring.length >= 3 ? [parsed.ring] : []}
                      points={preview?.points ?? []}
                      color={LEVEL_COLOR[level]}
                      onPick={addVertex}
                    />
                  </Col>
                </Row>
              ) : (
                <Form.Item name="regionCode" label={t('warning.region')}>
                  <RegionTreeSelect />
                </Form.Item>
              )}
              <Row gutter={8} style={{ marginTop: 8 }}>
                <Col span={6}>
                  <Statistic title={t('warning.reach')} value={preview?.count ?? '—'} valueStyle={{ color: '#cf1322' }} />
                </Col>
                <Col span={6}>
                  <Statistic title={t('warning.class.mine')} value={preview?.byClass.mine ?? '—'} />
                </Col>
                <Col span={6}>
                  <Statistic title={t('warning.class.tailings')} value={preview?.byClass.tailings ?? '—'} />
                </Col>
                <Col span={6}>
                  <Statistic title={t('warning.class.installation')} value={preview?.byClass.installation ?? '—'} />
                </Col>
              </Row>
              {preview?.unlocated ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('warning.unlocated', { n: preview.unlocated })}
                </Typography.Text>
              ) : null}
              {preview?.jurisdiction ? <JurisdictionNote j={preview.jurisdiction} /> : null}
            </Card>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={busy} style={{ marginTop: 16 }}>
          {id ? t('warning.updateSubmit') : t('warning.issueSubmit')}
        </Button>
      </Form>
    </>
  );
}

/** What the issuer-region check says of the drawn polygons (the server refuses `outside`; `beyond` is a warning). */
function JurisdictionNote({ j }: { j: TPreview['jurisdiction'] }) {
  const { t } = useI18n();
  const nums = (xs: number[]) => xs.map((i) => i + 1).join(', ');
  const rule =
    j.rule === 'boundary'
      ? t('warning.jurisdiction.boundary', { region: j.regionName ?? '', source: j.source ?? '' }) +
        (j.approximate ? t('warning.jurisdiction.approximate') : '')
      : t('warning.jurisdiction.points', { km: j.km ?? 1 });
  return (
    <div style={{ marginTop: 8, fontSize: 12 }}>
      {j.outside.length ? <Typography.Text type="danger">{t('warning.jurisdiction.outside', { n: nums(j.outside) })} </Typography.Text> : null}
      {j.beyond.length ? <Typography.Text type="warning">{t('warning.jurisdiction.beyond', { n: nums(j.beyond) })} </Typography.Text> : null}
      <Typography.Text type="secondary">{rule}</Typography.Text>
    </div>
  );
}
