// The photos of an event: the gallery for the team, and for those who may record the event an
// upload form whose checkbox "no child's face is recognisable" must be ticked (the server
// refuses the photo otherwise) and a delete button under each photo.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PHOTO_CONTENT_TYPES } from '../../../../common/schemas/prevention/events';
import type { ApiError } from '../../api';
import { ConfirmButton } from '../../components/ConfirmButton';
import { TextField } from '../../components/Field';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { useLanguage } from '../../i18n';
import { asApiError } from '../../session';
import { eventsApi, photoUrl, type Event } from './api';
import { inScript } from './format';

export function PhotosPanel({ event, onChange }: { event: Event; onChange: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const mayUpload = event.may.record;
  const [message, setMessage] = useState<string | null>(null);
  const [deleteError, setDeleteError] = useState<ApiError | null>(null);

  const remove = async (photoId: string) => {
    setDeleteError(null);
    try {
      await eventsApi.deletePhoto(event.id, photoId);
      setMessage(t('prevention.events.photos.deleted'));
      onChange();
    } catch (reason) {
      setDeleteError(asApiError(reason));
    }
  };

  return (
    <section aria-labelledby="event-photos" className="events-photos">
      <h2 id="event-photos">{t('prevention.events.photos.title')}</h2>
      <p className="hint">{t('prevention.events.photos.rule')}</p>
      {mayUpload && <UploadForm eventId={event.id} onUploaded={() => { setMessage(t('prevention.events.photos.uploaded')); onChange(); }} />}
      <StatusMessage message={message} />
      <ErrorAlert error={deleteError} />
      {event.photos.length === 0 ? (
        <p>{t('prevention.events.photos.none')}</p>
      ) : (
        <ul className="events-gallery">
          {event.photos.map((photo, index) => (
            <li key={photo.id}>
              <figure>
                <img src={photoUrl(event.id, photo.id)} alt={photo.caption ? inScript(photo.caption, language) : t('prevention.events.photos.alt', { n: index + 1 })} />
                {photo.caption && <figcaption>{inScript(photo.caption, language)}</figcaption>}
              </figure>
              <div className="button-row">
                <a className="button" href={photoUrl(event.id, photo.id, true)} download>
                  {t('prevention.events.photos.download')}
                  <span className="visually-hidden-label"> {photo.caption || t('prevention.events.photos.alt', { n: index + 1 })}</span>
                </a>
                {mayUpload && <ConfirmButton label={t('prevention.events.photos.delete')} isDangerous onConfirm={() => remove(photo.id)} />}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function UploadForm({ eventId, onUploaded }: { eventId: string; onUploaded: () => void }) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const [isTicked, setIsTicked] = useState(false);
  const [caption, setCaption] = useState('');
  const [problems, setProblems] = useState<{ photo?: string; noChildrenFaces?: string }>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const fieldError = (name: 'photo' | 'noChildrenFaces') => problems[name] ?? error?.fieldError(name);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(null);
    const file = (e.currentTarget.elements.namedItem('photo') as HTMLInputElement).files?.[0];
    const found = { ...(!file && { photo: t('prevention.events.photos.chooseFile') }), ...(!isTicked && { noChildrenFaces: t('prevention.events.photos.noChildrenFacesRequired') }) };
    setProblems(found);
    if (!file || !isTicked) {
      form.current?.querySelector<HTMLInputElement>(`[name="${!file ? 'photo' : 'noChildrenFaces'}"]`)?.focus();
      return;
    }
    const body = new FormData();
    body.set('noChildrenFaces', 'true');
    if (caption.trim()) body.set('caption', caption.trim());
    body.set('photo', file);
    setIsBusy(true);
    try {
      await eventsApi.uploadPhoto(eventId, body);
      form.current?.reset();
      setIsTicked(false);
      setCaption('');
      onUploaded();
    } catch (reason) {
      setError(asApiError(reason));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <form ref={form} className="form" onSubmit={(e) => void submit(e)} noValidate>
      <ErrorAlert error={error} knownFields={['photo', 'noChildrenFaces', 'caption']} />
      <TextField
        type="file"
        label={t('prevention.events.photos.file')}
        hint={t('prevention.events.photos.fileHint')}
        name="photo"
        accept={PHOTO_CONTENT_TYPES.join(',')}
        required
        error={fieldError('photo')}
      />
      <div className={fieldError('noChildrenFaces') ? 'field field-invalid' : 'field'}>
        {fieldError('noChildrenFaces') && (
          <p id="photo-faces-error" className="field-error">
            {fieldError('noChildrenFaces')}
          </p>
        )}
        <label className="checkbox">
          <input
            type="checkbox"
            name="noChildrenFaces"
            required
            checked={isTicked}
            onChange={(e) => setIsTicked(e.target.checked)}
            aria-invalid={fieldError('noChildrenFaces') ? true : undefined}
            aria-describedby={fieldError('noChildrenFaces') ? 'photo-faces-error' : undefined}
          />
          {t('prevention.events.photos.noChildrenFaces')}
        </label>
      </div>
      <TextField label={t('prevention.events.photos.caption')} name="caption" maxLength={300} value={caption} onChange={(e) => setCaption(e.target.value)} error={error?.fieldError('caption')} />
      <button type="submit" disabled={isBusy}>
        {isBusy ? t('prevention.events.photos.uploading') : t('prevention.events.photos.upload')}
      </button>
    </form>
  );
}
