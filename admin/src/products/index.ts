import CategoryIcon from '@mui/icons-material/Category';
import { ProductList } from './ProductList';
import { ProductShow } from './ProductShow';

export const products = {
  list: ProductList,
  show: ProductShow,
  icon: CategoryIcon,
  recordRepresentation: (product: { sku: string; name: string }) => `${product.sku} ${product.name}`,
};
