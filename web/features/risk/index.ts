// The risk feature's public surface (dependency-cruiser: web-features-meet-through-index).
export { useRegisteredObjects } from './api';
