// Signing in and out, the signed-in person's own account, TOTP set-up.
import { z } from 'zod';
import { ROLES } from '../roles';
import { ABILITIES } from '../abilities';
import { idSchema, languageSchema } from './common';

export const roleSchema = z.enum(ROLES);

export const abilitiesSchema = z.object(
  Object.fromEntries(ABILITIES.map((a) => [a, z.boolean()])) as Record<(typeof ABILITIES)[number], z.ZodBoolean>,
);

/**
 * What the session still needs before the full console opens:
 * - password-change: the account has a temporary password set by an administrator
 * - totp-setup: the account must use TOTP and has not set it up yet
 * - none: the session is complete
 */
export const sessionStageSchema = z.enum(['password-change', 'totp-setup', 'none']);
export type SessionStage = z.infer<typeof sessionStageSchema>;

export const sessionUserSchema = z
  .object({
    id: idSchema,
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    roles: z.array(roleSchema),
    institutionId: idSchema.nullable(),
    institutionName: z.string().nullable(),
    language: languageSchema,
    hasTotp: z.boolean(),
    pendingStep: sessionStageSchema,
    abilities: abilitiesSchema,
  })
  .meta({ id: 'SessionUser' });
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const loginRequestSchema = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1000),
  otp: z
    .string()
    .trim()
    .regex(/^(\d{6}|[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})$/i, 'a 6-digit code or a recovery code')
    .optional()
    .describe('TOTP code from the authenticator app, or one of the recovery codes'),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sessionResponseSchema = z.object({ user: sessionUserSchema, csrfToken: z.string() }).meta({ id: 'Session' });
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const logoutQuerySchema = z.strictObject({
  everywhere: z
    .enum(['true', 'false'])
    .optional()
    .describe('true ends every session of this account on every device'),
});

export const totpSetupResponseSchema = z.object({
  secret: z.string().describe('Base32 secret, for typing into the app by hand'),
  otpauthUri: z.string(),
  qrCodeDataUrl: z.string().describe('PNG QR code of otpauthUri as a data: URL'),
});
export const totpConfirmRequestSchema = z.strictObject({ otp: z.string().trim().regex(/^\d{6}$/, 'a 6-digit code') });
export const totpConfirmResponseSchema = z.object({
  recoveryCodes: z.array(z.string()).describe('Shown once; each works once instead of a TOTP code'),
  user: sessionUserSchema,
});

export const PASSWORD_MIN_LENGTH = 12;
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200);

export const changePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1).max(1000),
  newPassword: newPasswordSchema,
});

export const updateAccountRequestSchema = z.strictObject({
  language: languageSchema.optional(),
  displayName: z.string().trim().min(1).max(120).optional(),
});

export const accountResponseSchema = z.object({ user: sessionUserSchema });
