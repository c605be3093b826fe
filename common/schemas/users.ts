// Staff accounts as administrators manage them.
import { z } from 'zod';
import { idSchema, isoDateTime, languageSchema } from './common';
import { roleSchema } from './session';

export const staffUserSchema = z
  .object({
    id: idSchema,
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    roles: z.array(roleSchema),
    institutionId: idSchema.nullable(),
    language: languageSchema,
    isActive: z.boolean(),
    isDemo: z.boolean(),
    hasTotp: z.boolean(),
    mustChangePassword: z.boolean(),
    lockedUntil: isoDateTime.nullable(),
    lastLoginAt: isoDateTime.nullable(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'StaffUser' });
export type StaffUser = z.infer<typeof staffUserSchema>;

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, '3-40 characters: lower-case letters, digits, dot, dash, underscore');

export const createUserRequestSchema = z.strictObject({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(120),
  email: z.email().max(254).nullable().optional(),
  roles: z.array(roleSchema).min(1).max(9),
  institutionId: idSchema.nullable().optional(),
  language: languageSchema.optional(),
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(120).optional(),
  email: z.email().max(254).nullable().optional(),
  roles: z.array(roleSchema).min(1).max(9).optional(),
  institutionId: idSchema.nullable().optional(),
  language: languageSchema.optional(),
  isActive: z.boolean().optional(),
});
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

export const userIdParamsSchema = z.strictObject({ id: idSchema });

export const listUsersQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional().describe('Matches username or name, in either script'),
  includeInactive: z.enum(['true', 'false']).optional(),
});

export const userListResponseSchema = z.object({ users: z.array(staffUserSchema) });
export const userResponseSchema = z.object({ user: staffUserSchema });
export const userWithPasswordResponseSchema = z.object({
  user: staffUserSchema,
  temporaryPassword: z.string().describe('Shown once; the person must change it at first sign-in'),
});

export const institutionSummarySchema = z
  .object({ id: idSchema, code: z.string(), type: z.string(), name: z.string(), nameEn: z.string() })
  .meta({ id: 'InstitutionSummary' });
export const institutionListResponseSchema = z.object({ institutions: z.array(institutionSummarySchema) });
