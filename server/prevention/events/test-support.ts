// For the events tests: a multipart/form-data body (a photo upload as a browser sends it) and
// pictures made with sharp, one of them carrying EXIF and GPS data that must not survive.
import crypto from 'node:crypto';
import sharp from 'sharp';
import type { Client } from '../../../test/helpers/factories';

export interface UploadPart {
  name: string;
  value: string | { bytes: Buffer; filename: string; contentType: string };
}

export function multipartBody(parts: UploadPart[]): { payload: Buffer; contentType: string } {
  const boundary = `----bezbedno${crypto.randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if (typeof part.value === 'string') {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`));
    } else {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.value.filename}"\r\nContent-Type: ${part.value.contentType}\r\n\r\n`));
      chunks.push(part.value.bytes, Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function uploadPhoto(client: Client, eventId: string, parts: UploadPart[]) {
  const { payload, contentType } = multipartBody(parts);
  return client.request({ method: 'POST', url: `/api/v1/events/${eventId}/photos`, payload, headers: { 'content-type': contentType } });
}

/** A small photo-like JPEG with the camera's EXIF (artist, GPS position) written into it. */
export async function jpegWithExif(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 40, g: 120, b: 200 } } })
    .jpeg()
    .withExif({
      IFD0: { Artist: 'Petar Petrovic', Copyright: 'Secret School', ImageDescription: 'Peti razred' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 19/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '21/1 54/1 0/1' },
    })
    .toBuffer();
}

export async function png(): Promise<Buffer> {
  return sharp({ create: { width: 20, height: 20, channels: 4, background: { r: 255, g: 0, b: 0, alpha: 1 } } }).png().toBuffer();
}

export const photoPart = (bytes: Buffer, contentType = 'image/jpeg', filename = 'photo.jpg'): UploadPart => ({ name: 'photo', value: { bytes, filename, contentType } });
