import { WorkflowPanel as WorkflowPanel_a7ca78c33cdc5007d4ba559ed8635b15 } from '../../../admin/WorkflowPanel'
import { TitleCell as TitleCell_5533d2961c7882059db736e0f0ef0abf } from '../../../admin/TitleCell'
import { TitleInOtherLanguage as TitleInOtherLanguage_48fe3417bbb91b8f2e4359833907aaf9 } from '../../../admin/TitleInOtherLanguage'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OptionHelp as OptionHelp_eebf183f8101bc1b5a49184607760ed1 } from '../../../admin/OptionHelp'
import { ReviewStatusCell as ReviewStatusCell_4650d318a7f2bf9efee5a4257e7db8a9 } from '../../../admin/StatusBadge'
import { ResourceFilters as ResourceFilters_10450dd4bcf7b248b89b0a91b4f1ce0a } from '../../../admin/ResourceFilters'
import { NoPublishButton as NoPublishButton_a7ca78c33cdc5007d4ba559ed8635b15 } from '../../../admin/WorkflowPanel'
import { ReviewStatusHeader as ReviewStatusHeader_4650d318a7f2bf9efee5a4257e7db8a9 } from '../../../admin/StatusBadge'
import { CurrentPasswordField as CurrentPasswordField_e0028fb2eaf96ec2bc4295ece4dc4316 } from '../../../admin/CurrentPasswordField'
import { Icon as Icon_d4751384a7cf3b09ce46117cb8895da1 } from '../../../admin/Brand'
import { Logo as Logo_d4751384a7cf3b09ce46117cb8895da1 } from '../../../admin/Brand'
import { SignUpLink as SignUpLink_4ad6dbed4d7f74a55fcfdcf56d9ee6c9 } from '../../../admin/SignUpView'
import { CompareNavLink as CompareNavLink_c15483ff049ba7f5ecf00875392f6922 } from '../../../admin/CompareView'
import { Dashboard as Dashboard_b1da18705623495fe0da513a008df5f5 } from '../../../admin/Dashboard'
import { NavBrand as NavBrand_d4751384a7cf3b09ce46117cb8895da1 } from '../../../admin/Brand'
import { S3ClientUploadHandler as S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24 } from '@payloadcms/storage-s3/client'
import { HomeView as HomeView_69362432ca3200455c1eec573b9d1fd0 } from '../../../admin/HomeView'
import { CompareView as CompareView_c15483ff049ba7f5ecf00875392f6922 } from '../../../admin/CompareView'
import { SignUpView as SignUpView_4ad6dbed4d7f74a55fcfdcf56d9ee6c9 } from '../../../admin/SignUpView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/admin/WorkflowPanel#WorkflowPanel": WorkflowPanel_a7ca78c33cdc5007d4ba559ed8635b15,
  "/admin/TitleCell#TitleCell": TitleCell_5533d2961c7882059db736e0f0ef0abf,
  "/admin/TitleInOtherLanguage#TitleInOtherLanguage": TitleInOtherLanguage_48fe3417bbb91b8f2e4359833907aaf9,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/admin/OptionHelp#OptionHelp": OptionHelp_eebf183f8101bc1b5a49184607760ed1,
  "/admin/StatusBadge#ReviewStatusCell": ReviewStatusCell_4650d318a7f2bf9efee5a4257e7db8a9,
  "/admin/ResourceFilters#ResourceFilters": ResourceFilters_10450dd4bcf7b248b89b0a91b4f1ce0a,
  "/admin/WorkflowPanel#NoPublishButton": NoPublishButton_a7ca78c33cdc5007d4ba559ed8635b15,
  "/admin/StatusBadge#ReviewStatusHeader": ReviewStatusHeader_4650d318a7f2bf9efee5a4257e7db8a9,
  "/admin/CurrentPasswordField#CurrentPasswordField": CurrentPasswordField_e0028fb2eaf96ec2bc4295ece4dc4316,
  "/admin/Brand#Icon": Icon_d4751384a7cf3b09ce46117cb8895da1,
  "/admin/Brand#Logo": Logo_d4751384a7cf3b09ce46117cb8895da1,
  "/admin/SignUpView#SignUpLink": SignUpLink_4ad6dbed4d7f74a55fcfdcf56d9ee6c9,
  "/admin/CompareView#CompareNavLink": CompareNavLink_c15483ff049ba7f5ecf00875392f6922,
  "/admin/Dashboard#Dashboard": Dashboard_b1da18705623495fe0da513a008df5f5,
  "/admin/Brand#NavBrand": NavBrand_d4751384a7cf3b09ce46117cb8895da1,
  "@payloadcms/storage-s3/client#S3ClientUploadHandler": S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24,
  "/admin/HomeView#HomeView": HomeView_69362432ca3200455c1eec573b9d1fd0,
  "/admin/CompareView#CompareView": CompareView_c15483ff049ba7f5ecf00875392f6922,
  "/admin/SignUpView#SignUpView": SignUpView_4ad6dbed4d7f74a55fcfdcf56d9ee6c9,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
