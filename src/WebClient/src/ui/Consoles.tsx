import { AlliancesPanel } from "./Alliances";
import { ClockPanel } from "./Clock";
import { JoinCodesTab, MselTab, OutcomesTab } from "./Control";
import { MessagesFeed, NewsComposer, NewsFeed } from "./Feeds";
import { EventTimeline } from "./timeline/EventTimeline";
import { NationsTable, OwnNation } from "./Nations";
import { AdjustNationForm } from "./control/AdjustNationForm";
import { AdjudicationQueue } from "./control/AdjudicationQueue";
import { ControlledNationOrders } from "./control/ControlledNationOrders";
import { NegotiationsPanel } from "./negotiations/NegotiationsPanel";
import { OrdersPanel } from "./Orders";
import { ReviewWorkspace } from "./ReviewWorkspace";
import { Tabs, useExercise } from "./common";
import { TeamNotifications } from "./team/TeamNotifications";
import { ObserverDashboard } from "./observer/ObserverDashboard";

/** Exercise control: the clock and its controls, then everything else in tabs. */
export function FacilitatorConsole() {
  return (
    <>
      <ClockPanel controls />
      <AdjudicationQueue />
      <Tabs
        label="Exercise control"
        tabs={[
          {
            id: "nations",
            title: "Nations",
            render: () => (
              <div className="stack">
                <NationsTable />
                <AdjustNationForm />
              </div>
            ),
          },
          {
            id: "news",
            title: "News",
            render: () => (
              <div className="grid cols-2">
                <NewsComposer />
                <NewsFeed />
              </div>
            ),
          },
          { id: "msel", title: "MSEL", render: () => <MselTab /> },
          { id: "orders", title: "Orders", render: () => <ControlledNationOrders /> },
          { id: "outcomes", title: "Outcomes", render: () => <OutcomesTab /> },
          { id: "access", title: "Join codes", render: () => <JoinCodesTab /> },
          { id: "alliances", title: "Alliances", render: () => <AlliancesPanel /> },
          { id: "negotiations", title: "Negotiations", render: () => <NegotiationsPanel /> },
          { id: "timeline", title: "Timeline", render: () => <EventTimeline /> },
          { id: "review", title: "Review", render: () => <ReviewWorkspace /> },
        ]}
      />
    </>
  );
}

/** A team: its nation's private state, its orders, what is addressed to it, the news and its alliances. */
export function TeamConsole() {
  const { state } = useExercise();
  const code = state.viewer.nation;
  const nation = state.nations.find((n) => n.code === code);
  if (!nation) {
    return <p className="empty">Your nation ({code}) is not in this exercise.</p>;
  }

  return (
    <>
      <ClockPanel />
      <TeamNotifications nation={nation.code} />
      <div className="grid team-grid">
        <div className="stack">
          <OwnNation nation={nation} />
        </div>
        <div className="stack">
          <OrdersPanel nation={nation} />
          <AlliancesPanel only={nation.code} />
        </div>
        <div className="stack">
          <MessagesFeed />
          <NewsFeed />
        </div>
      </div>
      <NegotiationsPanel />
    </>
  );
}

/** Observers: the public clock and the live public dashboard (everything once the after-action review is open). */
export function ObserverView() {
  const { state } = useExercise();
  return (
    <>
      <ClockPanel />
      {state.viewer.fullView && <p className="notice">The after-action review is open: you see the full exercise.</p>}
      {!state.viewer.fullView && <ObserverDashboard />}
      {state.viewer.fullView && (
        <div className="grid cols-2">
          <NewsFeed />
          <div className="stack">
            <NationsTable />
            <AlliancesPanel />
          </div>
        </div>
      )}
      <NegotiationsPanel />
      {state.viewer.fullView && <EventTimeline />}
      {state.viewer.fullView && <ReviewWorkspace />}
    </>
  );
}
