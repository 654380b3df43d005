// Routes (webui.md §1.1). HTML5 history URLs; nginx answers unknown paths with index.html.
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router'
import { Layout } from './Layout'
import { SessionGate } from './SessionGate'
import { LoginPage } from '../pages/LoginPage'
import { DashboardPage } from '../pages/DashboardPage'
import { OverviewPage, OverviewRedirect } from '../pages/overview/OverviewPage'
import { AnalysisWorkflowPage, VariantWorkflowPage } from '../pages/WorkflowPlaceholder'

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        element: <SessionGate />,
        children: [
          { path: '/overview', element: <OverviewRedirect /> },
          { path: '/overview/:section', element: <OverviewPage /> },
          { path: '/dashboard', element: <DashboardPage /> },
          { path: '/workflows/analyses/:analysisId', element: <AnalysisWorkflowPage /> },
          { path: '/workflows/variants/:genomeReference/:variantId', element: <VariantWorkflowPage /> },
          { path: '*', element: <Navigate to="/overview/analyses/" replace /> },
        ],
      },
    ],
  },
]

export function createRouter() {
  return createBrowserRouter(routes)
}
