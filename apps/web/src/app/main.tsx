import './zod-config.ts'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { BrowserRouter } from 'react-router'
import { startLanguage } from '../lib/i18n.ts'
import { AppRoutes } from './router.tsx'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('#root is missing from index.html')

// The HR console is Japanese only (its own messages): no language to detect or download there.
if (!/^\/admin(\/|$)/.test(window.location.pathname)) void startLanguage()

createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <AppRoutes />
    </BrowserRouter>
  </StrictMode>,
)
