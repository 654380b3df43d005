import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from 'react-router'
import { createQueryClient } from './app/queryClient'
import { createRouter } from './app/router'
import { TitleProvider } from './app/title'
import { ToastProvider } from './ui/toast'
import './styles/tokens.css'
import './styles/base.css'
import './styles/components.css'
import './styles/pages.css'

const queryClient = createQueryClient()
const router = createRouter()

const root = document.getElementById('root')
if (!root) throw new Error('#root missing in index.html')

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <TitleProvider>
          <RouterProvider router={router} />
        </TitleProvider>
      </ToastProvider>
    </QueryClientProvider>
  </StrictMode>,
)
