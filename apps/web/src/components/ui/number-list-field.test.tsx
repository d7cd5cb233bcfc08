import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { useZodForm } from '../../lib/form';
import { NumberListField, numbersFromText } from './number-list-field';

const schema = z.object({
  days: z.array(z.number({ error: 'Each length must be a number of days' }).int(), { error: 'Enter the lengths' }).min(1, 'Enter at least one length'),
});

function LengthsForm({ onSave }: { onSave: (values: z.output<typeof schema>) => void }) {
  const form = useZodForm(schema, { days: [28, 56] });
  return (
    <form noValidate onSubmit={form.handleSubmit(onSave)}>
      <NumberListField control={form.control} name="days" label="Lengths (days)" />
      <button type="submit">Save</button>
      <button type="button" onClick={() => form.reset({ days: [7, 14] })}>
        Reload
      </button>
    </form>
  );
}

describe('NumberListField', () => {
  it('shows the list as people write it and gives the form numbers', async () => {
    const onSave = vi.fn();
    render(<LengthsForm onSave={onSave} />);
    const days = screen.getByLabelText<HTMLInputElement>('Lengths (days)');
    expect(days.value).toBe('28, 56');
    await userEvent.type(days, ', 84');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith({ days: [28, 56, 84] }, expect.anything());
  });

  it('names a word among the numbers, on the field, keeping what was typed', async () => {
    render(<LengthsForm onSave={vi.fn()} />);
    const days = screen.getByLabelText<HTMLInputElement>('Lengths (days)');
    await userEvent.clear(days);
    await userEvent.type(days, '28, four');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Each length must be a number of days')).toBeTruthy();
    expect(days.getAttribute('aria-invalid')).toBe('true');
    expect(days.value).toBe('28, four');
  });

  it('shows a list put in from outside, as after reloading a colleague’s version', async () => {
    render(<LengthsForm onSave={vi.fn()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(screen.getByLabelText<HTMLInputElement>('Lengths (days)').value).toBe('7, 14');
  });

  it('reads commas, spaces or both between the numbers', () => {
    expect(numbersFromText('28, 42 56,')).toEqual([28, 42, 56]);
    expect(numbersFromText('  ')).toEqual([]);
    expect(numbersFromText('28, 4.5, -7')).toEqual([28, Number.NaN, Number.NaN]);
  });
});
