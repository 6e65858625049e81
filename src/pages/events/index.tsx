import { View, Text } from '@tarojs/components';
import { EVENT_TYPE_LABELS } from '@shared/labels';

export default function EventsPage() {
  return (
    <View>
      <Text>{EVENT_TYPE_LABELS.fair}</Text>
    </View>
  );
}
