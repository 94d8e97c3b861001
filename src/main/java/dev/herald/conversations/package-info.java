/**
 * Conversations: group conversations and their members, the caller's chat list, and a
 * conversation's history.
 *
 * <p>Operations: create a group ({@code g-<uuid>}; the creator is a member), read it (members
 * only), add and remove members (members only; serialized per group by a row lock; audited), list
 * the caller's conversations most recent first with last message and unread count (one query per
 * page), and page a conversation's messages back ({@code before}) or forward ({@code after}),
 * showing only what the caller sent or received and has not deleted.
 *
 * <p>Groups and members are entities ({@code GroupConversation}, {@code GroupMember}) with named
 * queries; the chat list and history are set-based SQL (decision 0013). Sending to a group is the
 * sending feature's ({@code sending.control.GroupRecipients} reads the members at send time through
 * {@code GroupMembers}); the chat list's rows for messages are kept by {@code LatestMessages}, an
 * observer of the stored batch. Out of scope: read state and deletion (inbox), notifications, group
 * titles changing, roles within a group.
 */
package dev.herald.conversations;
