// Photos of an event. A photo is stored only with the uploader's statement that no child's
// face is recognisable on it (the form's checkbox; the column refuses anything else), and only
// after it has been decoded and re-encoded by sharp: what is stored is a fresh JPEG, PNG or
// WebP with no EXIF, GPS, XMP or ICC-embedded notes, auto-rotated first so dropping the
// orientation tag does not turn it. Anything sharp cannot decode is not a picture and is refused.
import sharp from 'sharp';
import type { AppContext } from '../../context';
import type { DbOrTrx } from '../../db/index';
import { MAX_PHOTOS_PER_EVENT, PHOTO_CONTENT_TYPES, photoUploadFieldsSchema, type EventPhoto } from '../../../common/schemas/prevention/events';
import type { Actor } from '../../auth/policy';
import { auditActor } from '../../auth/request';
import { recordAudit } from '../../audit/log';
import { conflict, notFound, validationFailed } from '../../http/errors';
import { loadEventFor } from './events';

/** Longest side kept: enough for a report or the website, small enough to store in a row. */
const MAX_SIDE = 2560;
/** Refuse decompression bombs before decoding (a 10 MB file can claim a huge canvas). */
const MAX_INPUT_PIXELS = 60_000_000;

export interface PhotoUpload {
  /** The file part ("photo"), if one was sent. */
  file: { bytes: Buffer; contentType: string } | null;
  /** The text parts: noChildrenFaces, caption. */
  fields: Record<string, string>;
}

const FORMAT_TYPES: Record<string, (typeof PHOTO_CONTENT_TYPES)[number]> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/**
 * Decodes the upload and encodes it again in the same format without any metadata. Throws a
 * field error for anything that is not a JPEG, PNG or WebP picture.
 */
export async function cleanPhoto(bytes: Buffer): Promise<{ bytes: Buffer; contentType: string }> {
  const notAPicture = () => validationFailed({ photo: 'The file is not a JPEG, PNG or WebP picture' });
  let format: string | undefined;
  try {
    format = (await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata()).format;
  } catch {
    throw notAPicture();
  }
  const contentType = format ? FORMAT_TYPES[format] : undefined;
  if (!contentType) throw notAPicture();
  try {
    // sharp writes no metadata unless asked to (withMetadata/keepExif): .rotate() applies the
    // orientation tag to the pixels first.
    let image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true });
    if (format === 'jpeg') image = image.jpeg({ quality: 85, mozjpeg: true });
    else if (format === 'png') image = image.png({ compressionLevel: 9 });
    else image = image.webp({ quality: 85 });
    return { bytes: await image.toBuffer(), contentType };
  } catch {
    throw notAPicture();
  }
}

export async function listPhotos(db: DbOrTrx, eventId: string): Promise<EventPhoto[]> {
  const rows = await db
    .selectFrom('eventPhotos')
    .leftJoin('users', 'users.id', 'eventPhotos.uploadedBy')
    .select(['eventPhotos.id', 'eventPhotos.contentType', 'eventPhotos.byteSize', 'eventPhotos.caption', 'eventPhotos.uploadedAt', 'users.displayName'])
    .where('eventPhotos.eventId', '=', eventId)
    .orderBy('eventPhotos.uploadedAt')
    .orderBy('eventPhotos.id')
    .execute();
  return rows.map((r) => ({ id: r.id, contentType: r.contentType, byteSize: r.byteSize, caption: r.caption, uploadedAt: r.uploadedAt.toISOString(), uploadedBy: r.displayName }));
}

export async function eventPhotos(ctx: AppContext, actor: Actor, eventId: string): Promise<EventPhoto[]> {
  await loadEventFor(ctx.db, actor, eventId, 'read');
  return listPhotos(ctx.db, eventId);
}

/** Stores a photo for someone who may record the event. Returns the photo's id. */
export async function uploadPhoto(ctx: AppContext, actor: Actor, eventId: string, upload: PhotoUpload): Promise<string> {
  // Who may, before what: a refused person learns nothing about the file rules.
  await loadEventFor(ctx.db, actor, eventId, 'record');
  const parsed = photoUploadFieldsSchema.safeParse(upload.fields);
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[issue.path.join('.') || 'body'] ??= issue.code === 'unrecognized_keys' ? 'Unknown field' : issue.message;
  if (!upload.file) errors.photo = 'Choose a photo';
  else if (!(PHOTO_CONTENT_TYPES as readonly string[]).includes(upload.file.contentType)) errors.photo = 'Only JPEG, PNG or WebP pictures';
  if (Object.keys(errors).length || !parsed.success || !upload.file) throw validationFailed(errors);
  const clean = await cleanPhoto(upload.file.bytes);
  return ctx.db.transaction().execute(async (trx) => {
    const event = await loadEventFor(trx, actor, eventId, 'record', true);
    if (event.status === 'cancelled') throw conflict('event_cancelled', 'A cancelled event has no photos');
    const { count } = await trx.selectFrom('eventPhotos').select((eb) => eb.fn.countAll<string>().as('count')).where('eventId', '=', eventId).executeTakeFirstOrThrow();
    if (Number(count) >= MAX_PHOTOS_PER_EVENT) throw conflict('too_many_photos', `An event keeps at most ${MAX_PHOTOS_PER_EVENT} photos`);
    const row = await trx
      .insertInto('eventPhotos')
      .values({
        eventId,
        contentType: clean.contentType,
        byteSize: clean.bytes.length,
        data: clean.bytes,
        caption: parsed.data.caption,
        noChildrenFaces: true,
        uploadedBy: actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: auditActor(actor),
      action: 'event.photo.upload',
      recordType: 'event',
      recordId: eventId,
      details: { photoId: row.id, contentType: clean.contentType, byteSize: clean.bytes.length, noChildrenFaces: true },
    });
    return row.id;
  });
}

export async function getPhoto(ctx: AppContext, actor: Actor, eventId: string, photoId: string): Promise<{ bytes: Buffer; contentType: string }> {
  await loadEventFor(ctx.db, actor, eventId, 'read');
  const row = await ctx.db.selectFrom('eventPhotos').select(['data', 'contentType']).where('id', '=', photoId).where('eventId', '=', eventId).executeTakeFirst();
  if (!row) throw notFound('No such photo');
  return { bytes: Buffer.from(row.data), contentType: row.contentType };
}

export async function deletePhoto(ctx: AppContext, actor: Actor, eventId: string, photoId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await loadEventFor(trx, actor, eventId, 'record', true);
    const deleted = await trx.deleteFrom('eventPhotos').where('id', '=', photoId).where('eventId', '=', eventId).returning('id').executeTakeFirst();
    if (!deleted) throw notFound('No such photo');
    await recordAudit(trx, { actor: auditActor(actor), action: 'event.photo.delete', recordType: 'event', recordId: eventId, details: { photoId } });
  });
}
