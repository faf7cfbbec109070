import { CameraOutlined } from '@ant-design/icons';
import { Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';

export interface PhotoMeta {
  takenAt?: string;
  lat?: number;
  lng?: number;
}

/**
 * Photos as a picture wall: on a phone the picker offers the camera. The server reads each photo's
 * EXIF time and GPS on upload and returns them; `onMeta` hands the first found to the form.
 */
export function PhotoUpload({ value, onChange, onMeta }: { value?: string[]; onChange?: (ids: string[]) => void; onMeta?: (meta: PhotoMeta) => void }) {
  const { t } = useI18n();
  const [files, setFiles] = useState<UploadFile[]>([]);
  return (
    <Upload
      action="/api/attachments"
      name="file"
      accept="image/jpeg,image/png,image/webp"
      listType="picture-card"
      withCredentials
      multiple
      fileList={files}
      onChange={({ file, fileList }) => {
        setFiles(fileList);
        if (file.status === 'done') {
          const meta = (file.response as { meta: PhotoMeta | null }).meta;
          if (meta) onMeta?.(meta);
        }
        const ids = fileList.filter((f) => f.status === 'done').map((f) => (f.response as { id: string }).id);
        if (ids.join() !== (value ?? []).join()) onChange?.(ids);
      }}
    >
      {files.length >= 9 ? null : (
        <div>
          <CameraOutlined style={{ fontSize: 20 }} />
          <div style={{ marginTop: 4 }}>{t('hazard.addPhoto')}</div>
        </div>
      )}
    </Upload>
  );
}

/** Photos of a hazard or a step, as thumbnails that open the full picture. */
export function PhotoStrip({ ids }: { ids: string[] | null | undefined }) {
  if (!ids?.length) return null;
  return (
    <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
      {ids.map((id) => (
        <a key={id} href={`/api/attachments/${id}`} target="_blank" rel="noreferrer">
          <img src={`/api/attachments/${id}`} alt="" style={{ width: 96, height: 96, objectFit: 'cover', borderRadius: 6, border: '1px solid #f0f0f0' }} />
        </a>
      ))}
    </div>
  );
}
