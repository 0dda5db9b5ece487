import { Select } from '@mantine/core';
import { useProducts } from '@web/features/inventory/hooks/useProducts';

interface ProductSelectProps {
  label?: string;
  value: string | null;
  onChange: (productId: string | null) => void;
  error?: string | undefined;
  required?: boolean;
  clearable?: boolean;
  placeholder?: string;
  w?: number;
}

/** Picks one of the clinic's products, searchable by name or GTIN. */
export function ProductSelect({ label = 'Product', value, onChange, error, required, clearable, placeholder, w }: ProductSelectProps) {
  const products = useProducts();
  const data = (products.data ?? []).map((p) => ({ value: p.id, label: p.gtin ? `${p.name} · ${p.gtin}` : p.name }));
  return (
    <Select
      label={label}
      searchable
      required={required}
      clearable={clearable}
      placeholder={placeholder ?? (products.isPending ? 'Loading products…' : 'Choose a product')}
      nothingFoundMessage="No product matches"
      data={data}
      value={value}
      onChange={onChange}
      error={error}
      w={w}
    />
  );
}
