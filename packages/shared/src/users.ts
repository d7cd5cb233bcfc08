import { z } from 'zod';
import { checkedField } from './checked-field';
import { roles } from './roles';
import { checkEmail, MAX_PASSWORD_LENGTH } from './sign-in';

// Sign-in's schemas live in sign-in.ts, checked without zod for the sign-in page's first load.
export { loginSchema, MAX_PASSWORD_LENGTH, type LoginInput } from './sign-in';

export const MIN_PASSWORD_LENGTH = 12;

const emailSchema = checkedField(checkEmail);

export const newPasswordSchema = z
  .string({ error: 'Enter a password' })
  .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `Password must be at most ${MAX_PASSWORD_LENGTH} characters`);

export const roleSchema = z.enum(roles, { error: 'Choose a role' });

export const fullNameSchema = z
  .string({ error: 'Enter a full name' })
  .trim()
  .min(1, 'Enter a full name')
  .max(120, 'Full name must be at most 120 characters');

export const createUserSchema = z.object({
  email: emailSchema,
  fullName: fullNameSchema,
  role: roleSchema,
  password: newPasswordSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .object({
    id: z.uuid({ error: 'Unknown user' }),
    role: roleSchema.optional(),
    isActive: z.boolean().optional(),
    // The version the manager was looking at; a stale one is a conflict, not an overwrite.
    version: z.number().int().positive().optional(),
  })
  .refine((input) => input.role !== undefined || input.isActive !== undefined, {
    error: 'Choose a role or an account status to change',
    path: ['role'],
  });
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const resetPasswordSchema = z.object({
  id: z.uuid({ error: 'Unknown user' }),
  password: newPasswordSchema,
});
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password').max(MAX_PASSWORD_LENGTH),
    newPassword: newPasswordSchema,
    confirmPassword: z.string().min(1, 'Enter the new password again'),
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    error: 'The two new passwords do not match',
    path: ['confirmPassword'],
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
