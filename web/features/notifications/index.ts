// The notifications feature's public surface (dependency-cruiser: web-features-meet-through-index).
export { useUnreadCount } from './api';
