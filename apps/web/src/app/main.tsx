import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { BrowserRouter } from 'react-router'
import { z } from 'zod'
import { AppRoutes } from './router.tsx'
import './styles.css'

// The CSP has no 'unsafe-eval': keep zod from probing `new Function` (a console violation per page load).
z.config({ jitless: true })

const root = document.getElementById('root')
if (!root) throw new Error('#root is missing from index.html')

createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <AppRoutes />
    </BrowserRouter>
  </StrictMode>,
)
